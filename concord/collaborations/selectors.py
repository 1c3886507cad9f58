"""Reads of collaborations, always scoped to the person reading."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from concord.orgs.access import is_pmo

from .lifecycle import State
from .models import Collaboration, ParticipatingDepartment, Role, TeamMember


def approved_by(user: Any) -> QuerySet[Any]:
    """Return the ids of the collaborations `user` is (or was) an approver of."""
    from .flows import subject_ids_for_approver

    return subject_ids_for_approver(user)


def waiting_for_ids(user: Any) -> QuerySet[Any]:
    from .flows import subject_ids_waiting_for

    return subject_ids_waiting_for(user)


def visible_to(user: Any) -> QuerySet[Collaboration]:
    """Return every collaboration `user` may see (the rules are in access.py)."""
    qs = Collaboration.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return qs.none()
    own = Q(initiator=user)
    if is_pmo(user):
        return qs.filter(own | ~Q(state=State.DRAFT))
    on_team = Exists(TeamMember.objects.filter(collaboration=OuterRef("pk"), user=user))
    heads_a_department = Q(department__head=user) | Exists(
        ParticipatingDepartment.objects.filter(collaboration=OuterRef("pk"), department__head=user)
    )
    approver = Q(pk__in=approved_by(user))
    return qs.filter(
        own
        | (
            ~Q(state=State.DRAFT)
            & (on_team | approver | (Q(confidential=False) & heads_a_department))
        )
    )


@dataclass
class Filters:
    state: str = ""
    kind: str = ""
    department: int | None = None
    importance: str = ""
    mine: bool = False
    waiting: bool = False
    q: str = ""


def collaboration_list(user: Any, filters: Filters) -> QuerySet[Collaboration]:
    """Return the visible collaborations matching `filters`, ready for a list page."""
    qs = visible_to(user).select_related("initiator__person", "department")
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.department:
        qs = qs.filter(
            Q(department_id=filters.department)
            | Exists(
                ParticipatingDepartment.objects.filter(
                    collaboration=OuterRef("pk"), department_id=filters.department
                )
            )
        )
    if filters.importance:
        qs = qs.filter(importance=filters.importance)
    if filters.mine:
        qs = qs.filter(
            Q(initiator=user)
            | Exists(TeamMember.objects.filter(collaboration=OuterRef("pk"), user=user))
        )
    if filters.waiting:
        qs = qs.filter(pk__in=waiting_for_ids(user))
    q = filters.q.strip()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(number__icontains=q))
    return qs.order_by("-created_at", "-id")


def detail_of(collab: Collaboration) -> Collaboration:
    """Return `collab` with its request rows loaded for the detail page and exports."""
    return (
        Collaboration.objects.select_related(
            "initiator__person", "department__head__person", "request"
        )
        .prefetch_related(
            "suggested_departments__department",
            "suggested_departments__people__person",
            "key_dates",
            "core_problems",
            "attachments__uploaded_by__person",
            "request__attributed_departments",
            "team__user__person",
            "team__department",
            "departments__department__head__person",
            "departments__contact__person",
        )
        .get(pk=collab.pk)
    )


# --- The team, as other apps read it (planning, changes, communication) -----


def _team_rows(collab: Collaboration) -> list[TeamMember]:
    # Use the rows detail_of() prefetched when there are some, so a page
    # asking several of these questions pays for the team once.
    cache = getattr(collab, "_prefetched_objects_cache", {})
    if "team" in cache:
        return list(cache["team"])
    return list(collab.team.select_related("user__person", "department"))


def _departments(collab: Collaboration) -> list[ParticipatingDepartment]:
    cache = getattr(collab, "_prefetched_objects_cache", {})
    if "departments" in cache:
        return list(cache["departments"])
    return list(collab.departments.select_related("department__head__person", "contact__person"))


def _one_with_role(collab: Collaboration, role: str) -> Any | None:
    return next((m.user for m in _team_rows(collab) if m.role == role), None)


def lead_of(collab: Collaboration) -> Any | None:
    """Return the project lead (项目负责人), or None while none is named."""
    return _one_with_role(collab, Role.LEAD)


def sponsor_of(collab: Collaboration) -> Any | None:
    """Return the sponsor (项目发起人), or None while none is named."""
    return _one_with_role(collab, Role.SPONSOR)


def department_heads_of(collab: Collaboration) -> list[tuple[ParticipatingDepartment, Any | None]]:
    """Return each participating department with its head (None if it has none)."""
    return [(pd, pd.department.head) for pd in _departments(collab)]


def stakeholders_of(collab: Collaboration) -> list[Any]:
    """Return everyone a formal notice must reach, each once, in a stable order.

    The active team members (in the order they joined), then the heads of
    the participating departments, then their contacts.
    """
    departments = _departments(collab)
    candidates = [
        *(m.user for m in _team_rows(collab)),
        *(pd.department.head for pd in departments),
        *(pd.contact for pd in departments),
    ]
    seen: set[int] = set()
    people = []
    for user in candidates:
        if user is not None and user.is_active and user.pk not in seen:
            seen.add(user.pk)
            people.append(user)
    return people
