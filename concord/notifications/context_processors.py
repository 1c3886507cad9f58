from collections.abc import Callable
from functools import cached_property, total_ordering
from typing import Any

from django.http import HttpRequest

from .selectors import unread_count


@total_ordering
class LazyCount:
    """A number computed on first use, so a page that never shows it never counts."""

    def __init__(self, compute: Callable[[], int]) -> None:
        self._compute = compute

    @cached_property
    def value(self) -> int:
        return self._compute()

    def __int__(self) -> int:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)

    def __str__(self) -> str:
        return str(self.value)

    def __eq__(self, other: object) -> bool:
        return self.value == (other.value if isinstance(other, LazyCount) else other)

    def __lt__(self, other: Any) -> bool:
        return bool(self.value < int(other))

    def __hash__(self) -> int:
        return hash(self.value)


def inbox(request: HttpRequest) -> dict[str, Any]:
    """Provide `inbox_unread_count` for the header badge.

    One indexed count when the badge is shown, none for a partial that does
    not show it, and nothing at all for an anonymous visitor.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"inbox_unread_count": LazyCount(lambda: unread_count(user))}
