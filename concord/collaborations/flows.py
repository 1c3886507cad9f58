"""The collaboration's side of the approval engine (`concord.approvals`).

Starting and withdrawing a round, and the two questions lists ask of the
engine's tables: whom a collaboration is (or was) waiting for, and who
approves it. Kept here so the rest of the app names the engine only once.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from concord.approvals import selectors
from concord.approvals.access import delegators_of
from concord.approvals.chains import build_chain
from concord.approvals.models import Flow, FlowState, StepDecision
from concord.approvals.selectors import waiting_for
from concord.approvals.services import flow_start, flow_withdraw

from .models import Collaboration
from .outcomes import PURPOSE


def _content_type() -> ContentType:
    return ContentType.objects.get_for_model(Collaboration)


def start_review(*, actor: Any, collab: Collaboration) -> Flow:
    """Build the chain for the request as it stands and start a new round."""
    steps = build_chain(
        purpose=PURPOSE,
        initiator=collab.initiator,
        department=collab.department,
        kind=collab.kind,
        importance=collab.importance,
        budget=collab.request.budget,
    )
    return flow_start(actor=actor, subject=collab, purpose=PURPOSE, steps=steps)


def current_flow(collab: Collaboration) -> Flow | None:
    return selectors.current_flow(collab, PURPOSE)


def all_rounds(collab: Collaboration) -> list[Flow]:
    """Return every round of the request's approval, newest first, loaded for display."""
    flow = current_flow(collab)
    return selectors.rounds_for_display(flow) if flow is not None else []


def withdraw_review(*, actor: Any, collab: Collaboration) -> None:
    flow = current_flow(collab)
    if flow is not None and flow.state == FlowState.PENDING:
        flow_withdraw(actor=actor, flow=flow)


def _people(user: Any) -> set[int]:
    return {user.pk, *delegators_of(user, timezone.localdate())}


def subject_ids_for_approver(user: Any) -> QuerySet[Any]:
    """Return ids of collaborations `user` (or whom they stand in for) approves, any round."""
    return Flow.objects.filter(
        subject_type=_content_type(),
        purpose=PURPOSE,
        steps__approvers__user__in=_people(user),
    ).values("subject_id")


def subject_ids_waiting_for(user: Any) -> QuerySet[Any]:
    """Return ids of collaborations whose active step waits for `user`'s decision."""
    return (
        waiting_for(user)
        .filter(flow__subject_type=_content_type(), flow__purpose=PURPOSE)
        .values("flow__subject_id")
    )


def last_feedback(flow: Flow) -> str:
    """Return the comment of the decision that ended `flow`'s round."""
    decision = StepDecision.objects.filter(step__flow=flow).order_by("-decided_at", "-id").first()
    return decision.comment if decision is not None else ""
