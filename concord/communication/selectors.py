"""Reads of communication plans; the escalation path other apps (issues) use."""

from typing import Any

from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of, sponsor_of
from concord.orgs.models import Level, Person
from concord.orgs.selectors import department_chain_up

from .defaults import LEVEL_ROLES, escalation_limits
from .models import CommPlan, EscalationLevel, HandlerRole


def plan_of(collab: Collaboration) -> CommPlan | None:
    return CommPlan.objects.filter(collaboration=collab).first()


def vp_over(collab: Collaboration) -> Any | None:
    """Return the vice president nearest above the initiating department (or the GM)."""
    tree = department_chain_up(collab.department)
    rank = {dept.pk: i for i, dept in enumerate(tree)}
    for level in (Level.VP, Level.GM):
        people = list(
            Person.objects.filter(level=level, user__is_active=True)
            .select_related("user")
            .order_by("name", "pk")
        )
        if people:
            people.sort(key=lambda p: rank.get(p.department_id, len(tree)))
            return people[0].user
    return None


def default_levels(plan: CommPlan | None = None) -> list[EscalationLevel]:
    """Return unsaved levels 1..3 with the configured time limits."""
    return [
        EscalationLevel(plan=plan, level=n, role=LEVEL_ROLES[n], limit_value=v, limit_unit=u)
        for n, (v, u) in enumerate(escalation_limits(), start=1)
    ]


def _resolve(collab: Collaboration, row: EscalationLevel) -> list[Any]:
    if row.handler_id is not None and row.handler is not None and row.handler.is_active:
        return [row.handler]
    if row.role == HandlerRole.LEAD:
        # The initiator stands in for the lead until one is named.
        return [lead_of(collab) or collab.initiator]
    if row.role == HandlerRole.SPONSOR:
        person = sponsor_of(collab) or vp_over(collab)
        return [person] if person is not None else []
    # Level 1: the parties of the dispute, whom only the issue knows.
    return []


def escalation_path(collab: Collaboration) -> list[EscalationLevel]:
    """Return levels 1, 2, 3 of the collaboration's escalation path, handlers resolved.

    Each row has `level`, `role` (HandlerRole), `limit_value`, `limit_unit`
    (LimitUnit), `deadline_from(start)` and `handlers`: the users who handle
    that level. Level 1 has no handlers unless one is named (the parties
    resolve it themselves); level 2 is the project lead (the initiator while
    none is named); level 3 the sponsor, else the VP over the initiating
    department. A collaboration without a communication plan gets the
    configured defaults (unsaved rows).
    """
    rows = list(
        EscalationLevel.objects.filter(plan__collaboration=collab)
        .select_related("handler__person")
        .order_by("level")
    )
    if len(rows) != 3:
        by_level = {r.level: r for r in rows}
        rows = [by_level.get(d.level, d) for d in default_levels()]
    for row in rows:
        row.handlers = _resolve(collab, row)  # type: ignore[attr-defined]
    return rows
