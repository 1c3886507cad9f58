"""Read-only admin: every change goes through the services (one event each)."""

from typing import Any

from django.contrib import admin

from .models import MilestoneReview, Proposal, Retrospective


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(MilestoneReview)
class MilestoneReviewAdmin(ReadOnly):
    list_display = ("milestone_name", "collaboration", "planned_on", "state")
    list_filter = ("state",)


@admin.register(Retrospective)
class RetrospectiveAdmin(ReadOnly):
    list_display = ("collaboration", "kind", "state")


@admin.register(Proposal)
class ProposalAdmin(ReadOnly):
    list_display = ("text", "collaboration", "state", "created_at")
    list_filter = ("state",)
