"""Admin for the changes app: the approval rules are the PMO's configuration."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from concord.approvals.access import may_configure

from . import services
from .models import ChangeApprovalRule, ChangeNotice, ResourceRequest


@admin.register(ChangeApprovalRule)
class ChangeApprovalRuleAdmin(admin.ModelAdmin[ChangeApprovalRule]):
    list_display = [
        "name",
        "category",
        "min_budget_delta",
        "approver_role",
        "position",
        "is_active",
    ]
    list_filter = ["category", "approver_role", "is_active"]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_configure(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_configure(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_configure(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_configure(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Switch a rule off instead: notices already routed name it.
        return False

    def save_model(
        self, request: HttpRequest, obj: ChangeApprovalRule, form: Any, change: bool
    ) -> None:
        services.change_rule_save(actor=request.user, rule=obj, changed=form.changed_data)


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Notices and requests change only through their services (and leave events)."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_configure(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_configure(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ChangeNotice)
class ChangeNoticeAdmin(ReadOnlyAdmin):
    list_display = ["number", "collaboration", "category", "title", "state", "issued_at"]
    list_filter = ["category", "state"]
    search_fields = ["title", "number", "collaboration__number"]


@admin.register(ResourceRequest)
class ResourceRequestAdmin(ReadOnlyAdmin):
    list_display = ["number", "collaboration", "kind", "amount", "state"]
    list_filter = ["kind", "state"]
    search_fields = ["number", "collaboration__number", "description"]
