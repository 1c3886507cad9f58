from django.urls import path

from . import views

app_name = "communication"

urlpatterns = [
    path("", views.plan_page, name="page"),
    path("create/", views.plan_create, name="create"),
    path("size/", views.plan_resize, name="resize"),
    path("items/", views.item_add, name="item_add"),
    path("items/<int:pk>/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/remove/", views.item_remove, name="item_remove"),
    path("levels/<int:level>/", views.level_update, name="level_update"),
    path("confirm/<int:dept>/", views.plan_confirm, name="confirm"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export.docx", views.export_docx, name="export_docx"),
]
