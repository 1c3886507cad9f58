"""Reading a person's inbox."""

from typing import Any

from django.db.models import Prefetch, QuerySet

from .models import Delivery, Notification


def inbox_for(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    """Return the person's notifications, newest first, ready to display."""
    rows = (
        Notification.objects.filter(recipient_id=user.pk)
        .select_related("actor__person")
        .prefetch_related(
            Prefetch("deliveries", queryset=Delivery.objects.order_by("channel", "id"))
        )
        .order_by("-created_at", "-id")
    )
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows


def unread_count(user: Any) -> int:
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()
