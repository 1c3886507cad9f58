from django.urls import path

from . import views

app_name = "orgs"

urlpatterns: list = [
    path("calendar/", views.calendar_month, name="calendar"),
    path("calendar/days/<str:day>/", views.calendar_day, name="calendar_day"),
    path("calendar/range/", views.calendar_range, name="calendar_range"),
]
