"""Reads of communication plans; the escalation path other apps (issues) use."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from concord.collaborations.models import Collaboration, ParticipatingDepartment
from concord.collaborations.selectors import lead_of, sponsor_of
from concord.orgs.models import Level, Person
from concord.orgs.selectors import department_chain_up

from .defaults import LEVEL_ROLES, escalation_limits, size_for
from .models import CommConfirmation, CommItem, CommPlan, EscalationLevel, HandlerRole


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


def effective_size(collab: Collaboration, plan: CommPlan | None) -> str:
    """Return the plan's size: its override, else from the people estimate and the team."""
    if plan is not None and plan.size:
        return plan.size
    request = getattr(collab, "request", None)
    estimate = (request.people_count if request is not None else None) or 0
    team = collab.team.values("user").distinct().count()
    return size_for(max(estimate, team))


def page_url(collab: Collaboration) -> str:
    return reverse("communication:page", args=[collab.ref])


@dataclass
class DepartmentConfirmation:
    row: ParticipatingDepartment
    confirmation: CommConfirmation | None
    current: bool


@dataclass
class PlanView:
    plan: CommPlan
    items: list[CommItem]
    levels: list[EscalationLevel]
    confirmations: list[DepartmentConfirmation]
    size: str

    @property
    def all_confirmed(self) -> bool:
        return bool(self.confirmations) and all(c.current for c in self.confirmations)


def plan_view(collab: Collaboration) -> PlanView | None:
    """Return the plan with everything a page or an export shows, in a fixed number of queries."""
    plan = plan_of(collab)
    if plan is None:
        return None
    items = list(
        plan.items.select_related("owner__person").prefetch_related("departments", "people__person")
    )
    levels = escalation_path(collab)
    latest: dict[int, CommConfirmation] = {}
    for c in plan.confirmations.select_related("confirmed_by__person").order_by("id"):
        latest[c.department_id] = c
    departments = collab.departments.select_related("department__head__person", "contact__person")
    confirmations = [
        DepartmentConfirmation(
            row=pd,
            confirmation=latest.get(pd.department_id),
            current=(
                pd.department_id in latest and latest[pd.department_id].revision == plan.revision
            ),
        )
        for pd in departments
    ]
    return PlanView(plan, items, levels, confirmations, effective_size(collab, plan))
