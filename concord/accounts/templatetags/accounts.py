from datetime import timedelta
from math import ceil

from django import template

register = template.Library()


@register.filter
def minutes(delta: timedelta | None) -> int:
    """Return a duration as whole minutes, rounded up (a wait is never shorter)."""
    if not delta:
        return 0
    return max(1, ceil(delta.total_seconds() / 60))
