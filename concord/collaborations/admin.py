"""Collaborations in the admin: read-only, for superusers.

Every write goes through the services (one event each), so the admin only
shows. The admin does not apply `visible_to`, which is why it is limited
to superusers: a PMO reads collaborations through the app's pages.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Collaboration, RequestSequence


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


@admin.register(Collaboration)
class CollaborationAdmin(ReadOnlyAdmin):
    list_display = ["number", "name", "kind", "state", "department", "importance", "created_at"]
    list_filter = ["state", "kind", "importance", "confidential"]
    search_fields = ["number", "name"]
    list_select_related = ["department"]


@admin.register(RequestSequence)
class RequestSequenceAdmin(ReadOnlyAdmin):
    list_display = ["year", "last"]
