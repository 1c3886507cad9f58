from django.urls import path

from . import views

app_name = "approvals"

urlpatterns = [
    path("", views.waiting, name="waiting"),
    path("flows/<int:pk>/", views.flow_detail, name="flow"),
    path("flows/<int:pk>/decide/", views.decide, name="decide"),
]
