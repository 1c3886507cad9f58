"""Template helpers of the plan pages and the collaboration page's plan section."""

from typing import Any

from django import template

from concord.approvals.selectors import current_flow

from ..models import PlanVersion, VersionState
from ..outcomes import PURPOSE

register = template.Library()

_FOREIGN = {"department", "owner_department", "owner", "parent"}


@register.filter
def row_form_id(section: str, item: Any) -> str:
    return f"f-{section}-{item.pk if item is not None else 'new'}"


@register.filter
def field_value(item: Any, name: str) -> Any:
    """Return what an input shows: the id of a related row, else the value."""
    if item is None:
        return None
    if name in _FOREIGN:
        return getattr(item, f"{name}_id")
    return getattr(item, name)


@register.filter
def field_display(item: Any, name: str) -> Any:
    """Return what a read-only cell shows."""
    if name == "parent":
        return ""  # the code (1.2.3) already says where a task sits
    value = getattr(item, name)
    if value is None:
        return ""
    person = getattr(value, "person", None)
    if person is not None:
        return person.name
    if name in _FOREIGN:
        return getattr(value, "name", value)
    return value


@register.simple_tag
def plan_summary(collab: Any) -> dict[str, Any]:
    """Return the plan's effective and open versions and the sign-off flow (three queries)."""
    versions = list(
        PlanVersion.objects.filter(plan__collaboration=collab).exclude(
            state=VersionState.SUPERSEDED
        )
    )
    effective = next((v for v in versions if v.state == VersionState.EFFECTIVE), None)
    open_version = next((v for v in versions if v.state != VersionState.EFFECTIVE), None)
    flow = current_flow(collab, PURPOSE) if open_version is not None else None
    return {"effective": effective, "open": open_version, "flow": flow}
