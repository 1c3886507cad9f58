from typing import Any

from django import template

from concord.collaborations.models import Collaboration

from .. import access, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def archive_side(context: Any, collab: Collaboration) -> dict[str, Any]:
    """Return what the collaboration page's side section shows (a fixed number of queries)."""
    user = context["request"].user
    summary = selectors.summary(collab)
    return {
        "summary": summary,
        "can_close": access.may_close(user, collab),
    }
