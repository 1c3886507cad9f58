"""Organization: admin."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from concord.lib.errors import DomainError

from . import services
from .models import CalendarOverride, Delegation, Department, Person


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin[CalendarOverride]):
    """Overrides written through the calendar services, so every change leaves an event."""

    list_display = ["day", "is_working", "note", "updated_at"]
    list_filter = ["is_working"]
    search_fields = ["note"]
    date_hierarchy = "day"
    ordering = ["-day"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Moving an override to another date is a clear plus a set: two
        # events; the admin offers the two steps rather than hiding one.
        return ["day"] if obj is not None else []

    def _may_manage(self, request: HttpRequest) -> bool:
        return request.user.has_perm("orgs.manage_calendar")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_manage(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_manage(request) or super().has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_manage(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_manage(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_manage(request)

    def save_model(
        self, request: HttpRequest, obj: CalendarOverride, form: Any, change: bool
    ) -> None:
        saved = services.calendar_override_set(
            actor=request.user, day=obj.day, is_working=obj.is_working, note=obj.note
        )
        obj.pk = saved.pk
        obj.updated_at = saved.updated_at

    def delete_model(self, request: HttpRequest, obj: CalendarOverride) -> None:
        services.calendar_override_clear(actor=request.user, day=obj.day)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarOverride]) -> None:
        for day in queryset.values_list("day", flat=True):
            try:
                services.calendar_override_clear(actor=request.user, day=day)
            except DomainError as error:
                # Someone else cleared it meanwhile: nothing left to do.
                messages.warning(request, str(error.message))


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Look, don't touch: organization writes go through the services (the /org/ pages),
    so that each leaves its event and passes its checks."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Department)
class DepartmentAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "parent", "head", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    list_select_related = ["parent", "head"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "employee_no", "department", "title", "level", "is_pmo"]
    list_filter = ["level", "is_pmo", "department"]
    search_fields = ["name", "user__username", "employee_no"]
    list_select_related = ["user", "department"]


@admin.register(Delegation)
class DelegationAdmin(ReadOnlyAdmin):
    list_display = ["delegator", "deputy", "starts_on", "ends_on", "revoked_at"]
    list_select_related = ["delegator", "deputy"]
