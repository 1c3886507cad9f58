from django.urls import path

from . import views

app_name = "changes"

urlpatterns = [
    path("", views.notice_list, name="notices"),
    path("new/", views.notice_new, name="notice_new"),
    path("resources/", views.resource_list, name="resources"),
    path("resources/new/", views.resource_new, name="resource_new"),
    path("resources/<str:number>/", views.resource_detail, name="resource"),
    path("resources/<str:number>/edit/", views.resource_edit, name="resource_edit"),
    path("resources/<str:number>/withdraw/", views.resource_withdraw, name="resource_withdraw"),
    path("<str:number>/", views.notice_detail, name="notice"),
    path("<str:number>/revise/", views.notice_revise, name="notice_revise"),
    path("<str:number>/acknowledge/", views.notice_acknowledge, name="notice_ack"),
    path("<str:number>/withdraw/", views.notice_withdraw, name="notice_withdraw"),
    path("<str:number>/export.docx", views.notice_export, name="notice_export"),
]
