"""Read-only admin for issues: changes go through the services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Issue, IssueLevelPeriod, IssueUpdate


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PeriodInline(_ReadOnly, admin.TabularInline[IssueLevelPeriod, Issue]):
    model = IssueLevelPeriod
    extra = 0
    fields = ["level", "handler", "started_at", "due_at", "ended_at", "outcome", "reason"]
    readonly_fields = ["level", "handler", "started_at", "due_at", "ended_at", "outcome", "reason"]


class UpdateInline(_ReadOnly, admin.TabularInline[IssueUpdate, Issue]):
    model = IssueUpdate
    extra = 0
    fields = ["created_at", "author", "status", "body"]
    readonly_fields = ["created_at", "author", "status", "body"]


@admin.register(Issue)
class IssueAdmin(_ReadOnly, admin.ModelAdmin[Issue]):
    list_display = ["number", "title", "collaboration", "level", "status", "owner", "due_at"]
    list_filter = ["level", "status"]
    search_fields = ["number", "title"]
    inlines = [PeriodInline, UpdateInline]
