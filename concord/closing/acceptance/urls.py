from django.urls import path

from . import views

app_name = "acceptance"

P = "collaborations/<str:ref>/acceptance/"
V = "collaborations/<str:ref>/verification/"

urlpatterns = [
    path(P, views.item_list, name="list"),
    path(P + "group/", views.group_edit, name="group"),
    path(P + "record.<str:fmt>", views.record_download, name="record"),
    path(P + "submit/<uuid:key>/", views.submit, name="submit"),
    path(P + "items/<int:pk>/", views.item_detail, name="item"),
    path(P + "items/<int:pk>/judge/", views.judge, name="judge"),
    path(
        P + "items/<int:pk>/selfcheck-<int:round>.<str:fmt>",
        views.selfcheck_download,
        name="selfcheck",
    ),
    path(P + "files/<int:pk>/", views.file_download, name="file"),
    path(V, views.verification_page, name="verification"),
    path(V + "start/", views.verification_start, name="verification_start"),
    path(V + "redefine/", views.verification_redefine, name="verification_redefine"),
    path(
        V + "feedback/<int:department>/", views.verification_feedback, name="verification_feedback"
    ),
    path(V + "decide/", views.verification_decide, name="verification_decide"),
    path(V + "report.<str:fmt>", views.verification_download, name="verification_report"),
]
