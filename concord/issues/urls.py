from django.urls import path

from . import views

app_name = "issues"

collab = "collaborations/<str:ref>/issues/"
issue = f"{collab}<str:number>/"

urlpatterns = [
    path("issues/", views.all_issues, name="all"),
    path(collab, views.issue_list, name="list"),
    path(f"{collab}new/", views.issue_new, name="new"),
    path(f"{collab}summary/", views.summary, name="summary"),
    path(f"{collab}export.xlsx", views.export, name="export"),
    path(issue, views.issue_detail, name="detail"),
    path(f"{issue}edit/", views.issue_edit, name="edit"),
    path(f"{issue}update/", views.update_post, name="update"),
    path(f"{issue}escalate/", views.escalate, name="escalate"),
    path(f"{issue}deescalate/", views.deescalate, name="deescalate"),
    path(f"{issue}redate/", views.redate, name="redate"),
    path(f"{issue}resolve/", views.resolve, name="resolve"),
    path(f"{issue}close/", views.close, name="close"),
    path(f"{issue}reopen/", views.reopen, name="reopen"),
    path(f"{issue}meeting/", views.meeting, name="meeting"),
]
