"""Meetings in the admin: read-only, for support; changes go through the services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import ActionItem, Decision, Meeting, Series


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnly):
    list_display = ("title", "collaboration", "kind", "starts_at", "status", "minutes_due_at")
    list_filter = ("kind", "status")
    search_fields = ("title",)
    list_select_related = ("collaboration",)


@admin.register(Series)
class SeriesAdmin(ReadOnly):
    list_display = ("title", "collaboration", "rrule", "dtstart", "until")
    list_select_related = ("collaboration",)


@admin.register(Decision)
class DecisionAdmin(ReadOnly):
    list_display = ("text", "kind", "meeting", "collaboration")
    search_fields = ("text",)
    list_select_related = ("meeting", "collaboration")


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnly):
    list_display = ("description", "owner", "due_on", "task", "meeting")
    list_select_related = ("owner", "task", "meeting")
