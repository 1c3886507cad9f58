from django.urls import path

from . import board_views, views, work_views

app_name = "tasks"

collab = "collaborations/<str:ref>/"
task = f"{collab}tasks/<str:number>/"

urlpatterns = [
    path("my-work/", work_views.my_work, name="my_work"),
    path(f"{collab}board/", board_views.board, name="board"),
    path(f"{collab}board/move/", board_views.board_move, name="move"),
    path(f"{collab}gantt/", work_views.gantt, name="gantt"),
    path(f"{collab}progress/", work_views.digest, name="digest"),
    path(f"{collab}progress/settings/", work_views.progress_settings, name="progress_settings"),
    path(f"{collab}tasks/", views.task_list, name="list"),
    path(f"{collab}tasks/new/", views.task_new, name="new"),
    path(f"{collab}tasks/from-plan/", views.from_plan, name="from_plan"),
    path(f"{collab}tasks/import/", work_views.task_import, name="import"),
    path(f"{collab}tasks/export.xlsx", work_views.task_export, name="export"),
    path(task, views.task_detail, name="detail"),
    path(f"{task}edit/", views.task_edit, name="edit"),
    path(f"{task}progress/", views.progress_post, name="progress"),
    path(f"{task}review/", views.task_review, name="review"),
    path(f"{task}dependencies/", views.dependency_add, name="dependency_add"),
    path(
        f"{task}dependencies/<str:other>/remove/",
        views.dependency_remove,
        name="dependency_remove",
    ),
]
