from django.urls import path

from . import calendar_views, views

app_name = "orgs"

urlpatterns: list = [
    path("", views.chart, name="chart"),
    path("departments/new/", views.department_create, name="department_create"),
    path("departments/<int:pk>/", views.department_detail, name="department"),
    path("departments/<int:pk>/edit/", views.department_edit, name="department_edit"),
    path("departments/<int:pk>/head/", views.department_head, name="department_head"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="person_deactivate"),
    path("people/<int:pk>/delegations/", views.delegation_create, name="delegation_create"),
    path("delegations/<int:pk>/revoke/", views.delegation_revoke, name="delegation_revoke"),
    path("import/", views.import_page, name="import"),
    path("import/template.xlsx", views.import_template, name="import_template"),
    path("calendar/", calendar_views.calendar_month, name="calendar"),
    path("calendar/days/<str:day>/", calendar_views.calendar_day, name="calendar_day"),
    path("calendar/range/", calendar_views.calendar_range, name="calendar_range"),
]
