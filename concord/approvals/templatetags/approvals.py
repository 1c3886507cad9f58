"""Template helpers for the approval partials that other apps include."""

from typing import Any

from django import template
from django.utils.translation import gettext

from concord.approvals import selectors
from concord.approvals.models import Flow

register = template.Library()


@register.filter
def approval_label(source: str) -> str:
    """Translate a step label stored as its English source (custom labels pass unchanged)."""
    return gettext(source) if source else ""


@register.simple_tag
def approval_rounds(flow: Flow | None) -> list[Flow]:
    """Return every round of the flow's subject and purpose, newest first, loaded for display."""
    return selectors.rounds_for_display(flow) if flow is not None else []


@register.simple_tag(takes_context=True)
def approval_can_decide(context: dict[str, Any], flow: Flow | None) -> bool:
    request = context.get("request")
    if flow is None or request is None:
        return False
    return selectors.can_decide(request.user, flow)


@register.filter
def person_name(user: Any) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()
