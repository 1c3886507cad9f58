from django.urls import URLPattern, path

from . import form_views

app_name = "knowledge"

urlpatterns: list[URLPattern] = [
    # Standard forms (《跨部门协作需求申请表》 ...) from live data
    path("collaborations/<str:ref>/forms/", form_views.form_list, name="forms"),
    path(
        "collaborations/<str:ref>/forms/<str:key>.<str:fmt>",
        form_views.form_download,
        name="form_download",
    ),
]
