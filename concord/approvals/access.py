"""Who may see a flow and who may decide its active step.

A flow is visible to its starter, everyone designated in it (and today's
deputy of one), and the PMO; to anyone else it does not exist. Deciding
needs a designated approver of the active step who has not decided yet,
or that approver's deputy today (`effective_approver`, one hop).
"""

from datetime import date
from typing import Any

import rules
from django.db.models import Q
from django.utils import timezone

from concord.lib.errors import not_found
from concord.orgs.access import is_pmo
from concord.orgs.models import Delegation

from .models import Flow, Step, StepApprover, StepDecision

User = Any


def delegators_of(user: User, on: date) -> set[int]:
    """Return the ids of the people whose approvals `user` holds as deputy on `on`."""
    if not user.is_authenticated:
        return set()
    rows = Delegation.objects.filter(
        deputy=user, revoked_at__isnull=True, starts_on__lte=on, ends_on__gte=on
    ).values_list("delegator_id", flat=True)
    return set(rows)


def decidable_for(user: User, step: Step, on: date) -> list[User]:
    """Return the approvers of `step` the user may decide for on `on`: themself first.

    Empty when the user may not decide. An approver who already decided
    the step (会签) is left out; so is one whose delegation names another
    deputy.
    """
    from concord.orgs.selectors import effective_approver

    if not user.is_authenticated or not user.is_active:
        return []
    decided = set(StepDecision.objects.filter(step=step).values_list("approver_id", flat=True))
    approvers = [a.user for a in StepApprover.objects.filter(step=step).select_related("user")]
    result: list[User] = []
    for approver in approvers:
        if approver.pk in decided:
            continue
        if approver.pk == user.pk:
            result.insert(0, approver)
            continue
        deputy, delegator = effective_approver(approver, on)
        if delegator is not None and deputy.pk == user.pk:
            result.append(approver)
    return result


def can_view(user: User, flow: Flow) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if is_pmo(user) or flow.started_by_id == user.pk:
        return True
    people = {user.pk, *delegators_of(user, timezone.localdate())}
    return StepApprover.objects.filter(step__flow=flow, user__in=people).exists()


def flow_for_view(user: User, pk: int) -> Flow:
    """Return the flow if the user may see it, else raise not found."""
    flow = Flow.objects.select_related("started_by__person", "subject_type").filter(pk=pk).first()
    if flow is None or not can_view(user, flow):
        raise not_found()
    return flow


def may_configure(user: User) -> bool:
    return bool(user is not None and user.is_authenticated and is_pmo(user))


def visible_flows_q(user: User) -> Q:
    """A filter on Flow for the flows the user may see (PMO: all)."""
    if is_pmo(user):
        return Q()
    people = {user.pk, *delegators_of(user, timezone.localdate())}
    return Q(started_by=user) | Q(
        pk__in=StepApprover.objects.filter(user__in=people).values("step__flow_id")
    )


rules.add_perm("approvals.configure", is_pmo)
