from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Timer
from .sweep import last_sweep_at


@admin.register(Timer)
class TimerAdmin(admin.ModelAdmin[Timer]):
    """Read-only: timers change only through the services and the sweep."""

    list_display = ("id", "kind", "subject_type", "subject_id", "due_at", "state", "attempts")
    list_filter = ("state", "kind")
    search_fields = ("kind", "last_error")
    date_hierarchy = "due_at"
    list_select_related = ("subject_type",)
    readonly_fields = (
        "kind",
        "subject_type",
        "subject_id",
        "due_at",
        "state",
        "payload",
        "attempts",
        "last_error",
        "fired_at",
        "created_at",
        "cancelled_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> Any:
        swept = last_sweep_at()
        # Shown as the list's subtitle so an admin can tell the runner is alive.
        subtitle = (
            _("Last sweep: %(time)s") % {"time": swept.strftime("%Y-%m-%d %H:%M:%S")}
            if swept
            else _("No sweep recorded by this process yet.")
        )
        return super().changelist_view(request, {**(extra_context or {}), "subtitle": subtitle})
