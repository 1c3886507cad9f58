"""Writes of the approval engine: start, decide, withdraw, and the rule config.

`flow_start` and `flow_withdraw` run inside the subject's own service
transaction (e.g. `request_submit`, `request_withdraw`), which has already
locked the subject and checked who may act; `flow_decide` is the public
decision service that views and the API call.

Locking order, everywhere: the flow row, then its active step. Deciding an
或签 step twice at the same moment therefore queues the second decider
behind the first, who finishes the step; the second then finds the step no
longer active and gets a conflict naming who decided first.
"""

from datetime import date, datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.lib.errors import DomainError, not_found
from concord.lib.workcal import add_working_days
from concord.timers.services import timer_cancel, timer_schedule

from . import hooks, notify
from .access import decidable_for, delegators_of
from .chains import StepSpec
from .models import (
    ApprovalRule,
    Decision,
    Flow,
    FlowState,
    Step,
    StepApprover,
    StepDecision,
    StepMode,
    StepState,
)

User = Any

REMIND_TIMER = "approvals.remind"
ESCALATE_TIMER = "approvals.escalate"

_STEP_OUTCOME = {
    Decision.APPROVE: StepState.APPROVED,
    Decision.RETURN: StepState.RETURNED,
    Decision.REJECT: StepState.REJECTED,
}
_FLOW_OUTCOME = {
    Decision.RETURN: FlowState.RETURNED,
    Decision.REJECT: FlowState.REJECTED,
}


def _require_transaction(name: str) -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"{name} must be called inside the subject's service transaction")


def flow_start(
    *,
    actor: User,
    subject: models.Model,
    purpose: str,
    steps: list[StepSpec],
    scope: models.Model | None = None,
) -> Flow:
    """Start the next round of approval of `subject` and activate its first step.

    Call it inside the subject's service transaction, after that service
    has locked the subject and checked the transition. The flow records one
    event "approval.started" (on the subject's timeline unless `scope`
    names another one).
    """
    _require_transaction("flow_start")
    if not steps:
        raise DomainError(_("An approval needs at least one step."))
    if any(not spec.approvers for spec in steps):
        raise DomainError(_("Every approval step needs an approver."))
    if any(spec.mode not in StepMode.values for spec in steps):
        raise DomainError(_("A step is decided by all its approvers or by any one of them."))
    subject_type = ContentType.objects.get_for_model(subject)
    earlier = Flow.objects.select_for_update().filter(
        subject_type=subject_type, subject_id=subject.pk, purpose=purpose
    )
    rounds = list(earlier.values_list("round", "state"))
    if any(state == FlowState.PENDING for _round, state in rounds):
        raise DomainError(_("This is already in approval."), code="conflict")
    now = timezone.now()
    flow = Flow.objects.create(
        subject_type=subject_type,
        subject_id=subject.pk,
        subject_repr=str(subject)[:255],
        purpose=purpose,
        round=max((r for r, _state in rounds), default=0) + 1,
        started_by=actor,
        started_at=now,
    )
    created = [
        Step.objects.create(
            flow=flow,
            position=index,
            label=spec.label,
            mode=spec.mode,
            remind_after_working_days=spec.remind_after_working_days,
            escalate_after_working_days=spec.escalate_after_working_days,
        )
        for index, spec in enumerate(steps, start=1)
    ]
    StepApprover.objects.bulk_create(
        StepApprover(step=step, user=user)
        for step, spec in zip(created, steps, strict=True)
        # A person named twice in one step is still one approver.
        for user in {u.pk: u for u in spec.approvers}.values()
    )
    first = created[0]
    _activate(first, now)
    event = event_record(
        actor=actor,
        verb="approval.started",
        subject=flow,
        after={
            "purpose": purpose,
            "round": flow.round,
            "steps": [
                {"label": s.label, "mode": s.mode, "approvers": [u.pk for u in s.approvers]}
                for s in steps
            ],
        },
        scope=scope or subject,
    )
    notify.step_requested(flow=flow, step=first, actor=actor, event=event)
    return flow


def _activate(step: Step, now: datetime) -> None:
    step.state = StepState.ACTIVE
    step.activated_at = now
    step.save(update_fields=["state", "activated_at"])
    timer_schedule(
        kind=REMIND_TIMER,
        subject=step,
        due_at=add_working_days(now, step.remind_after_working_days),
    )
    timer_schedule(
        kind=ESCALATE_TIMER,
        subject=step,
        due_at=add_working_days(now, step.escalate_after_working_days),
    )


def _finish(step: Step, state: str, now: datetime) -> None:
    step.state = state
    step.finished_at = now
    step.save(update_fields=["state", "finished_at"])
    timer_cancel(subject=step)


def _lock(flow: Flow) -> tuple[Flow, Step | None]:
    locked = Flow.objects.select_for_update().filter(pk=flow.pk).first()
    if locked is None:
        raise not_found()
    step = (
        Step.objects.select_for_update()
        .filter(flow=locked, state=StepState.ACTIVE)
        .order_by("position")
        .first()
    )
    return locked, step


def _refusal(actor: User, flow: Flow, step: Step | None, day: date) -> DomainError:
    """Explain why the actor cannot decide now: too late (and who was first), or not theirs.

    The second of two approvers of an 或签 step deciding at the same moment
    waits for the first one's lock and then finds the step finished (and
    perhaps the next one active): that is a conflict naming the first, not
    a refusal.
    """
    people = {actor.pk, *delegators_of(actor, day)}
    if step is not None and StepDecision.objects.filter(step=step, decided_by=actor).exists():
        return DomainError(_("You have already decided this step."), code="conflict")
    missed = (
        Step.objects.filter(flow=flow, approvers__user__in=people)
        .exclude(state__in=[StepState.WAITING, StepState.ACTIVE])
        .exclude(decisions__decided_by=actor)
        .order_by("-position")
        .first()
    )
    first = (
        StepDecision.objects.filter(step=missed)
        .select_related("decided_by__person")
        .order_by("-decided_at", "-id")
        .first()
        if missed is not None
        else None
    )
    if first is not None:
        return DomainError(
            _(
                "%(name)s has already decided this step (%(decision)s); "
                "your decision was not recorded."
            )
            % {"name": _display(first.decided_by), "decision": Decision(first.decision).label},
            code="conflict",
        )
    if flow.state != FlowState.PENDING:
        return DomainError(
            _("This approval has ended (%(state)s); nothing is left to decide.")
            % {"state": FlowState(flow.state).label},
            code="conflict",
        )
    return DomainError(_("This step is not yours to decide."), code="forbidden")


def _display(user: User) -> str:
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()


@transaction.atomic
def flow_decide(*, actor: User, flow: Flow, decision: str, comment: str = "") -> Flow:
    """Record the actor's decision on the flow's active step and move the flow on."""
    if decision not in Decision.values:
        raise DomainError(_("Choose approve, return or reject."), code="invalid", field="decision")
    if actor is None or not actor.is_authenticated:
        raise not_found()
    comment = (comment or "").strip()
    locked, step = _lock(flow)
    now = timezone.now()
    today = timezone.localdate(now)
    pending = locked.state == FlowState.PENDING
    for_whom = decidable_for(actor, step, today) if step is not None and pending else []
    if step is None or not for_whom:
        raise _refusal(actor, locked, step, today)
    if decision != Decision.APPROVE and not comment:
        raise DomainError(
            _("Give feedback: say what must change or why the request is refused."),
            code="invalid",
            field="comment",
        )
    # Deciding as oneself counts first; a deputy for several decides for the first.
    approver = for_whom[0]
    before = {"state": locked.state, "step": step.position, "step_state": step.state}
    StepDecision.objects.create(
        step=step,
        approver=approver,
        decided_by=actor,
        decision=decision,
        comment=comment,
        decided_at=now,
    )
    next_step = None
    if decision != Decision.APPROVE:
        _finish(step, _STEP_OUTCOME[Decision(decision)], now)
        _cancel_rest(locked)
        locked.state = _FLOW_OUTCOME[Decision(decision)]
    elif step.mode == StepMode.ANY or _all_approved(step):
        _finish(step, StepState.APPROVED, now)
        next_step = (
            Step.objects.select_for_update()
            .filter(flow=locked, state=StepState.WAITING, position__gt=step.position)
            .order_by("position")
            .first()
        )
        if next_step is None:
            locked.state = FlowState.APPROVED
        else:
            _activate(next_step, now)
    if locked.state != FlowState.PENDING:
        locked.finished_at = now
        locked.save(update_fields=["state", "finished_at"])
    event = event_record(
        actor=actor,
        verb="approval.decided",
        subject=locked,
        before=before,
        after={
            "state": locked.state,
            "step": step.position,
            "step_state": step.state,
            "decision": decision,
            "comment": comment,
            "on_behalf_of": approver.pk if approver.pk != actor.pk else None,
        },
        scope=locked.subject_object(),
        note=comment,
    )
    notify.decided(flow=locked, step=step, decision=decision, actor=actor, event=event)
    if next_step is not None:
        notify.step_requested(flow=locked, step=next_step, actor=actor, event=event)
    if locked.state != FlowState.PENDING:
        _call_hook(locked, actor)
    return locked


def _all_approved(step: Step) -> bool:
    designated = set(StepApprover.objects.filter(step=step).values_list("user_id", flat=True))
    approved = set(
        StepDecision.objects.filter(step=step, decision=Decision.APPROVE).values_list(
            "approver_id", flat=True
        )
    )
    return designated <= approved


def _cancel_rest(flow: Flow) -> None:
    Step.objects.filter(flow=flow, state=StepState.WAITING).update(state=StepState.CANCELLED)


def _call_hook(flow: Flow, actor: User) -> None:
    registered = hooks.get(flow.purpose)
    if registered is None:
        return
    callback = {
        FlowState.APPROVED: registered.on_approved,
        FlowState.RETURNED: registered.on_returned,
        FlowState.REJECTED: registered.on_rejected,
    }[FlowState(flow.state)]
    callback(flow, actor)


def flow_withdraw(*, actor: User, flow: Flow) -> Flow:
    """End a pending flow because its subject was withdrawn; no hook is called.

    Call it inside the subject's withdraw service, which decides who may
    withdraw (and whether a decision already made forbids it).
    """
    _require_transaction("flow_withdraw")
    locked, step = _lock(flow)
    if locked.state != FlowState.PENDING:
        raise DomainError(
            _("This approval has already ended (%(state)s).")
            % {"state": FlowState(locked.state).label},
            code="conflict",
        )
    now = timezone.now()
    if step is not None:
        _finish(step, StepState.CANCELLED, now)
    _cancel_rest(locked)
    locked.state = FlowState.WITHDRAWN
    locked.finished_at = now
    locked.save(update_fields=["state", "finished_at"])
    event_record(
        actor=actor,
        verb="approval.withdrawn",
        subject=locked,
        before={"state": FlowState.PENDING},
        after={"state": locked.state},
        scope=locked.subject_object(),
    )
    return locked


@transaction.atomic
def rule_save(*, actor: User, rule: ApprovalRule, changed: list[str] | None = None) -> ApprovalRule:
    """Save an approval rule edited in the admin (PMO or superuser) and record it."""
    from .access import may_configure

    if not may_configure(actor):
        raise DomainError(_("Only the PMO may change the approval rules."), code="forbidden")
    created = rule.pk is None
    if not created:
        ApprovalRule.objects.select_for_update().filter(pk=rule.pk).first()
    rule.full_clean()
    rule.save()
    event_record(
        actor=actor,
        verb="approval_rule.created" if created else "approval_rule.changed",
        subject=rule,
        after={
            "name": rule.name,
            "purpose": rule.purpose,
            "collaboration_kind": rule.collaboration_kind,
            "min_importance": rule.min_importance,
            "min_budget": rule.min_budget,
            "remind_after_working_days": rule.remind_after_working_days,
            "escalate_after_working_days": rule.escalate_after_working_days,
            "is_active": rule.is_active,
            "changed": changed or [],
            "steps": [
                {"position": s.position, "role": s.role, "mode": s.mode}
                for s in rule.steps.order_by("position")
            ],
        },
    )
    return rule
