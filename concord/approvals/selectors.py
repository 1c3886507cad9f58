"""Reads of the approval engine, scoped to the person asking."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from .access import decidable_for, delegators_of
from .models import Flow, FlowState, Step, StepApprover, StepDecision, StepState

User = Any


def waiting_for(user: User) -> QuerySet[Step]:
    """Return the active steps the user may decide now, newest activation first.

    As an approver who has not decided yet, or as today's deputy of one.
    (A delegator with two overlapping delegations is shown to both
    deputies; `flow_decide` then accepts only the one `effective_approver`
    names.)
    """
    if not user.is_authenticated:
        return Step.objects.none()
    people = {user.pk, *delegators_of(user, timezone.localdate())}
    undecided = StepApprover.objects.filter(step=OuterRef("pk"), user__in=people).exclude(
        Exists(StepDecision.objects.filter(step=OuterRef("step"), approver=OuterRef("user")))
    )
    return (
        Step.objects.filter(state=StepState.ACTIVE, flow__state=FlowState.PENDING)
        .filter(Exists(undecided))
        .select_related("flow__started_by__person", "flow__subject_type")
        .prefetch_related("approvers__user__person")
        .order_by("-activated_at", "-id")
    )


def waiting_count(user: User) -> int:
    return waiting_for(user).count() if user.is_authenticated else 0


def active_step(flow: Flow) -> Step | None:
    return flow.steps.filter(state=StepState.ACTIVE).order_by("position").first()


def can_decide(user: User, flow: Flow) -> bool:
    """Return whether the user may decide the flow's active step now."""
    if flow.state != FlowState.PENDING or not user.is_authenticated:
        return False
    step = active_step(flow)
    return step is not None and bool(decidable_for(user, step, timezone.localdate()))


def flows_of(subject: models.Model) -> QuerySet[Flow]:
    """Return every flow (all purposes, all rounds) of the subject, newest first."""
    ct = ContentType.objects.get_for_model(subject)
    return (
        Flow.objects.filter(subject_type=ct, subject_id=subject.pk)
        .select_related("started_by__person")
        .order_by("-round", "-started_at", "-id")
    )


def current_flow(subject: models.Model, purpose: str | None = None) -> Flow | None:
    """Return the subject's latest flow (of `purpose` if given), whatever its state."""
    flows = flows_of(subject)
    if purpose is not None:
        flows = flows.filter(purpose=purpose)
    return flows.first()


def approvers_of(subject: models.Model) -> set[int]:
    """Return the user ids of everyone designated in any flow of the subject."""
    ct = ContentType.objects.get_for_model(subject)
    return set(
        StepApprover.objects.filter(
            step__flow__subject_type=ct, step__flow__subject_id=subject.pk
        ).values_list("user_id", flat=True)
    )


def flow_detail(flow: Flow) -> Flow:
    """Return the flow with steps, approvers and decisions loaded for display."""
    return (
        Flow.objects.select_related("started_by__person", "subject_type")
        .prefetch_related(
            "steps__approvers__user__person",
            "steps__decisions__approver__person",
            "steps__decisions__decided_by__person",
        )
        .get(pk=flow.pk)
    )


def rounds_for_display(flow: Flow) -> list[Flow]:
    """Return every round of the flow's subject and purpose, loaded for display, newest first."""
    return list(
        Flow.objects.filter(
            subject_type_id=flow.subject_type_id, subject_id=flow.subject_id, purpose=flow.purpose
        )
        .select_related("started_by__person")
        .prefetch_related(
            "steps__approvers__user__person",
            "steps__decisions__approver__person",
            "steps__decisions__decided_by__person",
        )
        .order_by("-round")
    )
