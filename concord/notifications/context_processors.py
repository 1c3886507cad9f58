from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .selectors import unread_count


def inbox(request: HttpRequest) -> dict[str, Any]:
    """Provide `inbox_unread_count` for the header badge.

    Lazy, so a partial that never shows the badge costs no query, and one
    indexed count when it does; nothing at all for an anonymous visitor.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"inbox_unread_count": SimpleLazyObject(lambda: unread_count(user))}
