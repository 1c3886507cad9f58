from django.urls import path

from . import team_views, views

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
    path("<str:ref>/team/lead/", team_views.team_set_lead, name="team_lead"),
    path("<str:ref>/team/sponsor/", team_views.team_set_sponsor, name="team_sponsor"),
    path("<str:ref>/team/departments/", team_views.department_add, name="department_add"),
    path(
        "<str:ref>/team/departments/<int:dept>/lead/",
        team_views.department_set_lead,
        name="department_lead",
    ),
    path("<str:ref>/team/members/", team_views.member_add, name="member_add"),
    path("<str:ref>/team/members/<int:pk>/remove/", team_views.member_remove, name="member_remove"),
    path("<str:ref>/attachments/", views.attachment_add, name="attach"),
    path("<str:ref>/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("<str:ref>/attachments/<int:pk>/remove/", views.attachment_remove, name="detach"),
    path("<str:ref>/export.docx", views.request_export, name="export"),
]
