"""Tasks in the admin: read-only, for support; changes go through the services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import ProgressUpdate, Task, TaskSettings


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Task)
class TaskAdmin(ReadOnly):
    list_display = ("number", "title", "collaboration", "owner", "status", "due_on")
    list_filter = ("status", "priority", "review_state")
    search_fields = ("number", "title")
    list_select_related = ("collaboration", "owner")


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnly):
    list_display = ("task", "author", "percent_done", "created_at")
    list_select_related = ("task", "author")


@admin.register(TaskSettings)
class TaskSettingsAdmin(ReadOnly):
    list_display = ("collaboration", "nudge_enabled", "digest_enabled")
