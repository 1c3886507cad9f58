from typing import Any

from django import template

from concord.collaborations.models import Collaboration

from .. import access, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def changes_side(context: Any, collab: Collaboration) -> dict[str, Any]:
    """Return what the collaboration page's side section shows the viewer (a few queries)."""
    user = context["request"].user
    return {
        "awaiting": list(selectors.awaiting_my_ack(user, collab)[:10]),
        "resources": list(selectors.resources_of(collab)[:10]),
        "can_issue": access.can_issue_now(user, collab),
        "can_request": access.can_request_now(user, collab),
    }


@register.simple_tag
def approved_resources_of(collab: Collaboration) -> list[Any]:
    return list(selectors.approved_resources(collab))
