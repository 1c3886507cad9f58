from typing import Any

from django import template

from concord.collaborations.models import Collaboration, Kind

from .. import selectors

register = template.Library()


@register.simple_tag
def acceptance_side(collab: Collaboration) -> dict[str, Any]:
    """The collaboration page's acceptance section: counts by state, rework due dates."""
    summary = selectors.summary_of(collab)
    verification = None
    if collab.kind == Kind.PROBLEM:
        rounds = selectors.verifications_of(collab)
        verification = rounds[-1] if rounds else None
    return {
        "summary": summary,
        "verification": verification,
        "problem": collab.kind == Kind.PROBLEM,
    }
