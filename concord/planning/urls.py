from django.urls import path

from . import views

app_name = "planning"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("draft/", views.draft, name="draft"),
    path("charter/", views.charter, name="charter"),
    path("submit/", views.submit, name="submit"),
    path("compare/", views.compare, name="compare"),
    path("raci.xlsx", views.raci_export, name="raci_export"),
    path("raci/<str:row>/<int:row_id>/<int:dept>/", views.raci_cell, name="raci_cell"),
    path("raci/<str:row>/<int:row_id>/person/", views.raci_person, name="raci_person"),
    path("<str:section>/add/", views.row_add, name="row_add"),
    path("<str:section>/<int:pk>/", views.row_change, name="row_change"),
    path("<str:section>/<int:pk>/delete/", views.row_delete, name="row_delete"),
]
