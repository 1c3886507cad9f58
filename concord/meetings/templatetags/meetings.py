from typing import Any

from django import template

from concord.collaborations import lifecycle
from concord.collaborations.models import Collaboration

from .. import access, recurrence, selectors
from ..models import Series

register = template.Library()


@register.simple_tag(takes_context=True)
def meetings_side(context: Any, collab: Collaboration) -> dict[str, Any]:
    """What the collaboration page's meetings section shows the viewer (a few queries)."""
    user = context["request"].user
    data = selectors.section(collab)
    data["can_schedule"] = collab.state in lifecycle.ACTIVE and access.may_schedule(user, collab)
    return data


@register.filter
def rule_text(series: Series) -> str:
    """A recurring meeting's rule in words (the raw RRULE stays in the page as a tooltip)."""
    return recurrence.describe(series)
