"""The communication plan's summary on the collaboration page."""

from typing import Any

from django import template

from concord.collaborations.lifecycle import ACTIVE, State
from concord.collaborations.models import Collaboration

from ..selectors import plan_view

register = template.Library()


@register.simple_tag
def comm_summary(collab: Collaboration) -> dict[str, Any]:
    """Return whether to show the section and the plan's view (constant queries)."""
    established = collab.state in ACTIVE or collab.state in {State.TERMINATED, State.CLOSED}
    return {"show": established, "view": plan_view(collab) if established else None}
