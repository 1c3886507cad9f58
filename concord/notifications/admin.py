from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from concord.lib.errors import DomainError
from concord.orgs.access import is_pmo

from .models import Delivery, DeliveryAttempt, Notification
from .services import delivery_retry


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """The outbox is a record: it changes only through the services."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "recipient", "kind", "read_at")
    list_filter = ("kind",)
    list_select_related = ("recipient",)
    search_fields = ("recipient__username", "kind")
    date_hierarchy = "created_at"
    raw_id_fields = ("recipient", "actor", "event")


class DeliveryAttemptInline(admin.TabularInline[DeliveryAttempt, Delivery]):
    model = DeliveryAttempt
    fields = ("started_at", "ok", "duration_ms", "error")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_pmo(request.user)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "channel", "address", "status", "attempts", "next_attempt_at")
    list_filter = ("status", "channel")
    search_fields = ("address",)
    date_hierarchy = "created_at"
    raw_id_fields = ("notification",)
    inlines = (DeliveryAttemptInline,)
    actions = ("retry_now",)

    # The PMO watches deliveries and retries failed ones; the notifications'
    # content stays with their recipients.
    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_pmo(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_pmo(request.user)

    @admin.action(description=_("Retry the selected failed deliveries now"))
    def retry_now(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        retried = 0
        for delivery in queryset.filter(status=Delivery.Status.FAILED):
            try:
                delivery_retry(actor=request.user, delivery=delivery)
            except DomainError as exc:
                self.message_user(request, str(exc.message), messages.ERROR)
                return
            retried += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d delivery will be retried.",
                "%(count)d deliveries will be retried.",
                retried,
            )
            % {"count": retried},
            messages.SUCCESS,
        )
