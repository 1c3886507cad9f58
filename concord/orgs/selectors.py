"""Organization: selectors."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from .models import CalendarOverride, Delegation, Department, Person


def effective_approver(user: Any, on: date) -> tuple[Any, Any | None]:
    """Return (who approves for `user` on `on`, the user it was delegated from or None).

    Only one hop is followed. A delegator picks one particular deputy; if
    that deputy is away too and has delegated onwards, following the chain
    would hand the approval to someone the delegator never chose, and a
    chain of delegations could loop back. A deputy who is away is a matter
    for the reminders (which notify the approver's superior), not for us.
    A delegation to a deputy who has since been deactivated is ignored.
    """
    delegation = (
        Delegation.objects.select_related("deputy")
        .filter(
            delegator=user,
            revoked_at__isnull=True,
            starts_on__lte=on,
            ends_on__gte=on,
            deputy__is_active=True,
        )
        .order_by("-starts_on", "-id")
        .first()
    )
    if delegation is None:
        return user, None
    return delegation.deputy, user


def department_chain_up(dept: Department) -> list[Department]:
    """Return the department, its parent, and so on up to the top of the tree."""
    # One query for the whole (small) table beats one query per level.
    by_pk = {d.pk: d for d in Department.objects.select_related("head")}
    chain: list[Department] = []
    node: Department | None = by_pk.get(dept.pk, dept)
    while node is not None and node not in chain:
        chain.append(node)
        node = by_pk.get(node.parent_id) if node.parent_id else None
    return chain


def superior_of(user: Any) -> Any | None:
    """Return whom to tell when `user` is slow to act, or None at the top.

    The person's manager if active; else the head of their department;
    else the head of the nearest department above that has one (never the
    user themself).
    """
    person = Person.objects.select_related("manager", "department").filter(user=user).first()
    if person is None:
        return None
    if person.manager is not None and person.manager.is_active:
        return person.manager
    for dept in department_chain_up(person.department):
        head = dept.head
        if head is not None and head.pk != user.pk and head.is_active:
            return head
    return None


def departments_with_counts() -> QuerySet[Department]:
    return Department.objects.select_related("head__person").annotate(
        members_count=Count("members", filter=Q(members__user__is_active=True))
    )


@dataclass
class TreeNode:
    department: Department
    children: list["TreeNode"] = field(default_factory=list)


def department_tree(*, include_inactive: bool = False) -> list[TreeNode]:
    """Return the departments as a forest, in two queries whatever its size."""
    qs = departments_with_counts().order_by("name")
    if not include_inactive:
        qs = qs.filter(is_active=True)
    nodes = {d.pk: TreeNode(d) for d in qs}
    roots: list[TreeNode] = []
    for node in nodes.values():
        parent = nodes.get(node.department.parent_id) if node.department.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def people_list(
    *, department: int | None = None, q: str = "", level: str = "", active: bool | None = True
) -> QuerySet[Person]:
    qs = Person.objects.select_related("user", "department", "manager__person")
    if active is not None:
        qs = qs.filter(user__is_active=active)
    if department:
        qs = qs.filter(department_id=department)
    if level:
        qs = qs.filter(level=level)
    q = q.strip()
    if q:
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(user__username__icontains=q)
            | Q(employee_no__icontains=q)
            | Q(title__icontains=q)
        )
    return qs.order_by("department__name", "name", "pk")


def delegations_of(user: Any) -> QuerySet[Delegation]:
    return Delegation.objects.select_related("delegator__person", "deputy__person").filter(
        Q(delegator=user) | Q(deputy=user)
    )


def active_users() -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("person__name")
    )


def calendar_overrides_between(first: date, last: date) -> dict[date, bool]:
    """Return {day: is_working} for the overrides from `first` to `last`, in one query.

    The working calendar (`concord.lib.workcal`) loads its overrides through this.
    """
    rows = CalendarOverride.objects.filter(day__range=(first, last)).values_list(
        "day", "is_working"
    )
    return dict(rows)


def calendar_overrides(*, since: date | None = None) -> QuerySet[CalendarOverride]:
    qs = CalendarOverride.objects.order_by("day")
    return qs.filter(day__gte=since) if since is not None else qs
