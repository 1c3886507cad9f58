"""Read-only admin: acceptance is changed through the services (and their events) only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AcceptanceGroup, Item, Submission, Verification


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AcceptanceGroup)
class GroupAdmin(ReadOnly):
    list_display = ["collaboration", "lead", "mode", "judging_days"]


@admin.register(Item)
class ItemAdmin(ReadOnly):
    list_display = ["name", "collaboration", "owner_department", "state", "rounds", "rework_due"]
    list_filter = ["state"]
    search_fields = ["name", "collaboration__number"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnly):
    list_display = ["item", "round", "submitted_by", "submitted_at", "verdict", "judged_at"]
    list_filter = ["verdict"]


@admin.register(Verification)
class VerificationAdmin(ReadOnly):
    list_display = ["collaboration", "round", "state", "outcome", "decided_at"]
    list_filter = ["state", "outcome"]
