from django.urls import path

from . import views

app_name = "archive"

P = "collaborations/<str:ref>/archive/"

urlpatterns = [
    path(P, views.page, name="page"),
    path(P + "upload/", views.upload, name="upload"),
    path(P + "waive/", views.waive, name="waive"),
    path(P + "waivers/<int:pk>/revoke/", views.waiver_revoke, name="waiver_revoke"),
    path(P + "build/", views.build, name="build"),
    path(P + "close/", views.close, name="close"),
    path(P + "bundles/<int:pk>/", views.bundle_progress, name="bundle"),
    path(P + "bundles/<int:pk>/download/", views.bundle_download, name="bundle_download"),
    path(P + "documents/<int:pk>/", views.document, name="document"),
    path(P + "checklist.<str:fmt>", views.checklist_download, name="checklist"),
    path(P + "forms/<str:key>.<str:fmt>", views.form_download, name="form"),
]
