from typing import Any

from django import template

from concord.collaborations.models import Collaboration

from .. import access, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def issues_side(context: Any, collab: Collaboration) -> dict[str, Any]:
    """Return what the collaboration page's issue section shows (a fixed number of queries)."""
    user = context["request"].user
    return {
        "counts": selectors.counts_by_level(collab),
        "can_raise": access.can_raise_now(user, collab),
    }
