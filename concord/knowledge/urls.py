from django.urls import URLPattern, path

from . import form_views, search_views

app_name = "knowledge"

urlpatterns: list[URLPattern] = [
    # Knowledge base and full-text search
    path("knowledge/", search_views.knowledge_home, name="home"),
    path("search/", search_views.search_page, name="search"),
    # Standard forms (《跨部门协作需求申请表》 ...) from live data
    path("collaborations/<str:ref>/forms/", form_views.form_list, name="forms"),
    path(
        "collaborations/<str:ref>/forms/<str:key>.<str:fmt>",
        form_views.form_download,
        name="form_download",
    ),
]
