"""The one way to fetch a notification: the person's own, or not found."""

from typing import Any

from concord.lib.errors import not_found

from .models import Notification


def notification_for(user: Any, pk: int) -> Notification:
    """Return the person's notification `pk`; anybody else's is "not found"."""
    if user is None or not user.is_authenticated:
        raise not_found()
    row = Notification.objects.filter(pk=pk, recipient_id=user.pk).first()
    if row is None:
        raise not_found()
    return row
