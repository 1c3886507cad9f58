"""Read-only admin of the archive: writes go through the services (they record events)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from concord.orgs.access import is_pmo

from .models import ArchiveBundle, Document, Waiver


class _ReadOnly(admin.ModelAdmin):
    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(is_pmo(request.user))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(is_pmo(request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(_ReadOnly):
    list_display = ["name", "collaboration", "doc_type", "version", "current", "uploaded_at"]
    list_filter = ["doc_type", "current"]
    search_fields = ["name", "collaboration__number", "collaboration__name"]


@admin.register(Waiver)
class WaiverAdmin(_ReadOnly):
    list_display = ["collaboration", "doc_type", "waived_by", "waived_at", "revoked_at"]
    list_filter = ["doc_type"]


@admin.register(ArchiveBundle)
class ArchiveBundleAdmin(_ReadOnly):
    list_display = ["collaboration", "state", "final", "done", "total", "requested_at"]
    list_filter = ["state", "final"]
    exclude = ["manifest"]
