from django.urls import path

from . import views

app_name = "collaborations"

urlpatterns = [
    path("", views.collaboration_list, name="list"),
    path("new/", views.request_new, name="new"),
    path("<str:ref>/", views.collaboration_detail, name="detail"),
    path("<str:ref>/edit/", views.request_edit, name="edit"),
    path("<str:ref>/submit/", views.request_submit, name="submit"),
    path("<str:ref>/withdraw/", views.request_withdraw, name="withdraw"),
    path("<str:ref>/terminate/", views.collaboration_terminate, name="terminate"),
    path("<str:ref>/departments/<int:dept>/contact/", views.contact_nominate, name="nominate"),
    path("<str:ref>/attachments/", views.attachment_add, name="attach"),
    path("<str:ref>/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("<str:ref>/attachments/<int:pk>/remove/", views.attachment_remove, name="detach"),
    path("<str:ref>/export.docx", views.request_export, name="export"),
]
