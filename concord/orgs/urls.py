from django.urls import path

from . import org_views, views

app_name = "orgs"

urlpatterns: list = [
    path("", org_views.chart, name="chart"),
    path("departments/new/", org_views.department_create, name="department_create"),
    path("departments/<int:pk>/", org_views.department_detail, name="department"),
    path("departments/<int:pk>/edit/", org_views.department_edit, name="department_edit"),
    path("departments/<int:pk>/head/", org_views.department_head, name="department_head"),
    path("people/new/", org_views.person_create, name="person_create"),
    path("people/<int:pk>/", org_views.person_detail, name="person"),
    path("people/<int:pk>/edit/", org_views.person_edit, name="person_edit"),
    path("people/<int:pk>/deactivate/", org_views.person_deactivate, name="person_deactivate"),
    path("people/<int:pk>/delegations/", org_views.delegation_create, name="delegation_create"),
    path("delegations/<int:pk>/revoke/", org_views.delegation_revoke, name="delegation_revoke"),
    path("import/", org_views.import_page, name="import"),
    path("import/template.xlsx", org_views.import_template, name="import_template"),
    path("calendar/", views.calendar_month, name="calendar"),
    path("calendar/days/<str:day>/", views.calendar_day, name="calendar_day"),
    path("calendar/range/", views.calendar_range, name="calendar_range"),
]
