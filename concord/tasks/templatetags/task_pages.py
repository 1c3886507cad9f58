"""Template tags of the task pages: the collaboration page's execution section."""

from typing import Any

from django import template
from django.db.models import Count

from concord.collaborations.models import Collaboration

from ..models import Status, Task
from ..selectors import lagging

register = template.Library()


@register.simple_tag
def tasks_section(collab: Collaboration) -> dict[str, Any]:
    """Return the task counts per status and how many lag; two queries and the plan's."""
    rows = dict(
        Task.objects.filter(collaboration=collab)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    total = sum(rows.values())
    return {
        "total": total,
        "counts": [(s.label, rows.get(s, 0)) for s in Status],
        "lagging": len(lagging(collab)) if total else 0,
    }
