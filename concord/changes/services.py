"""Writes of change notices and resource requests (the write contract: one event each).

Locking order: the collaboration row (it serialises numbering), then the
notice or request, then its acknowledgements.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.approvals.models import FlowState
from concord.approvals.selectors import current_flow
from concord.approvals.services import flow_start, flow_withdraw
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import stakeholders_of
from concord.lib.errors import DomainError, not_found
from concord.lib.workcal import add_working_days
from concord.orgs.models import Department
from concord.timers.services import timer_cancel, timer_schedule

from . import access, approvers, notify
from .models import (
    Category,
    ChangeAcknowledgement,
    ChangeApprovalRule,
    ChangeNotice,
    NoticeState,
    ResourceKind,
    ResourceRequest,
    ResourceState,
    notice_snapshot,
    resource_snapshot,
)

User = Any

NOTICE_PURPOSE = "changes.notice"
RESOURCE_PURPOSE = "changes.resource"
ACK_REMIND_TIMER = "changes.ack_remind"


def _lock_collab(collab: Collaboration) -> Collaboration:
    locked = Collaboration.objects.select_for_update().filter(pk=collab.pk).first()
    if locked is None:
        raise not_found()
    return locked


def _next_number(model: type[models.Model], collab: Collaboration, prefix: str) -> str:
    # The caller holds the collaboration's lock, so two writers queue here.
    numbers = model._default_manager.filter(collaboration=collab).values_list("number", flat=True)
    last = max((int(n.split("-")[-1]) for n in numbers if n.split("-")[-1].isdigit()), default=0)
    return f"{prefix}-{last + 1:02d}"


# ---------------------------------------------------------------- change notices


def _clean_notice(
    *,
    category: str,
    title: str,
    what: str,
    why: str,
    effective_on: date | None,
    budget_delta: Decimal | None,
) -> dict[str, list[str | Promise]]:
    errors: dict[str, list[str | Promise]] = {}
    if category not in Category.values:
        errors["category"] = [_("Choose a requirement change or a plan adjustment.")]
    for name, value in (("title", title), ("what", what), ("why", why)):
        if not (value or "").strip():
            errors[name] = [_("This field is required.")]
    if effective_on is None:
        errors["effective_on"] = [_("Say when the change takes effect.")]
    if budget_delta is not None and abs(budget_delta) >= Decimal("1e12"):
        errors["budget_delta"] = [_("The amount is too large.")]
    return errors


def _require_valid(errors: dict[str, list[str | Promise]]) -> None:
    if errors:
        first = next(iter(errors.values()))[0]
        raise DomainError(first, code="invalid", details=errors)


def _issue(notice: ChangeNotice, actor: User) -> None:
    """Send the notice to every stakeholder and start the acknowledgement clock."""
    now = timezone.now()
    notice.state = NoticeState.ISSUED
    notice.issued_at = now
    notice.issued_by = notice.created_by
    notice.save(update_fields=["state", "issued_at", "issued_by"])
    recipients = [u for u in stakeholders_of(notice.collaboration) if u.pk != notice.created_by_id]
    ChangeAcknowledgement.objects.bulk_create(
        ChangeAcknowledgement(notice=notice, user=user) for user in recipients
    )
    if recipients:
        timer_schedule(
            kind=ACK_REMIND_TIMER,
            subject=notice,
            due_at=add_working_days(now, settings.CONCORD_CHANGE_ACK_WORKING_DAYS),
        )


def _route(notice: ChangeNotice, actor: User) -> str:
    """Issue the notice, or start its approval when a rule asks for one; return the verb."""
    steps = approvers.notice_chain(
        collab=notice.collaboration,
        actor=notice.created_by,
        category=notice.category,
        budget_delta=notice.budget_delta,
    )
    if steps:
        notice.state = NoticeState.PENDING_APPROVAL
        notice.save(update_fields=["state"])
        flow_start(
            actor=actor,
            subject=notice,
            purpose=NOTICE_PURPOSE,
            steps=steps,
            scope=notice.collaboration,
        )
        return "change_notice.submitted"
    _issue(notice, actor)
    return "change_notice.issued"


def _announce(notice: ChangeNotice, verb: str, actor: User, before: dict[str, Any]) -> None:
    event = event_record(
        actor=actor,
        verb=verb,
        subject=notice,
        before=before,
        after=notice_snapshot(notice),
        scope=notice.collaboration,
    )
    if notice.state == NoticeState.ISSUED:
        notify.notice_issued(notice=notice, actor=actor, event=event)


@transaction.atomic
def change_notice_issue(
    *,
    actor: User,
    collaboration: Collaboration,
    category: str,
    title: str,
    what: str,
    why: str,
    impact_scope: str = "",
    impact_time: str = "",
    impact_budget: str = "",
    impact_departments: Iterable[Department] = (),
    effective_on: date,
    source: models.Model | None = None,
    budget_delta: Decimal | None = None,
) -> ChangeNotice:
    """Raise a change notice (变更通知) and issue it, or start its approval if a rule says so.

    From the UI and the API the actor must be allowed to issue (the lead,
    the initiator, the PMO). Another app's service that passes `source`
    (an object of the same collaboration, e.g. the plan version that
    became effective) has checked its own actor, so any actor may raise
    it. Safe to call inside the caller's transaction.
    """
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    from_source = source is not None and getattr(source, "collaboration_id", None) == collab.pk
    if source is not None and not from_source:
        raise DomainError(_("The source belongs to another collaboration."), field="source")
    if not from_source and not access.may_issue(actor, collab):
        raise access.forbidden()
    _require_valid(
        _clean_notice(
            category=category,
            title=title,
            what=what,
            why=why,
            effective_on=effective_on,
            budget_delta=budget_delta,
        )
    )
    departments = list(impact_departments)
    notice = ChangeNotice.objects.create(
        collaboration=collab,
        number=_next_number(ChangeNotice, collab, "BG"),
        category=category,
        title=title.strip(),
        what=what.strip(),
        why=why.strip(),
        impact_scope=(impact_scope or "").strip(),
        impact_time=(impact_time or "").strip(),
        impact_budget=(impact_budget or "").strip(),
        effective_on=effective_on,
        budget_delta=budget_delta,
        created_by=actor,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=source.pk if source is not None else None,
    )
    notice.impact_departments.set(departments)
    verb = _route(notice, actor)
    _announce(notice, verb, actor, {})
    return notice


def _lock_in_collab(model: type[Any], row: Any) -> Any:
    """Lock the collaboration, then the row: the order every writer here keeps."""
    collab = _lock_collab(row.collaboration)
    locked = model.objects.select_for_update().filter(pk=row.pk).first()
    if locked is None:
        raise not_found()
    locked.collaboration = collab
    return locked


def _lock_notice(notice: ChangeNotice) -> ChangeNotice:
    return _lock_in_collab(ChangeNotice, notice)


@transaction.atomic
def change_notice_revise(
    *,
    actor: User,
    notice: ChangeNotice,
    category: str,
    title: str,
    what: str,
    why: str,
    impact_scope: str = "",
    impact_time: str = "",
    impact_budget: str = "",
    impact_departments: Iterable[Department] = (),
    effective_on: date,
    budget_delta: Decimal | None = None,
) -> ChangeNotice:
    """Revise a notice the approval sent back and issue it again (or start a new round)."""
    locked = _lock_notice(notice)
    access.require_under_way(locked.collaboration)
    if not access.may_edit_notice(actor, locked):
        raise access.forbidden()
    if locked.state != NoticeState.DRAFT:
        raise DomainError(
            _("Only a notice sent back for revision can be revised."), code="conflict"
        )
    _require_valid(
        _clean_notice(
            category=category,
            title=title,
            what=what,
            why=why,
            effective_on=effective_on,
            budget_delta=budget_delta,
        )
    )
    before = notice_snapshot(locked)
    locked.category = category
    locked.title = title.strip()
    locked.what = what.strip()
    locked.why = why.strip()
    locked.impact_scope = (impact_scope or "").strip()
    locked.impact_time = (impact_time or "").strip()
    locked.impact_budget = (impact_budget or "").strip()
    locked.effective_on = effective_on
    locked.budget_delta = budget_delta
    locked.save()
    locked.impact_departments.set(list(impact_departments))
    verb = _route(locked, actor)
    if verb == "change_notice.submitted":
        verb = "change_notice.resubmitted"
    _announce(locked, verb, actor, before)
    return locked


@transaction.atomic
def change_notice_withdraw(*, actor: User, notice: ChangeNotice, reason: str = "") -> ChangeNotice:
    """Withdraw a notice (its approval ends; an issued one is retracted and its reminders stop)."""
    locked = _lock_notice(notice)
    if not access.may_edit_notice(actor, locked):
        raise access.forbidden()
    if locked.state == NoticeState.WITHDRAWN:
        raise DomainError(_("This notice is already withdrawn."), code="conflict")
    before = notice_snapshot(locked)
    if locked.state == NoticeState.PENDING_APPROVAL:
        flow = current_flow(locked, NOTICE_PURPOSE)
        if flow is not None and flow.state == FlowState.PENDING:
            flow_withdraw(actor=actor, flow=flow)
    was_issued = locked.state == NoticeState.ISSUED
    locked.state = NoticeState.WITHDRAWN
    locked.save(update_fields=["state"])
    timer_cancel(subject=locked)
    event = event_record(
        actor=actor,
        verb="change_notice.withdrawn",
        subject=locked,
        before=before,
        after=notice_snapshot(locked),
        scope=locked.collaboration,
        note=(reason or "").strip(),
    )
    if was_issued:
        notify.notice_withdrawn(notice=locked, actor=actor, event=event)
    return locked


@transaction.atomic
def change_notice_acknowledge(
    *, actor: User, notice: ChangeNotice, comment: str = ""
) -> ChangeAcknowledgement:
    """Record that the actor has read the notice; the last one stops the reminders."""
    locked = _lock_notice(notice)
    ack = (
        ChangeAcknowledgement.objects.select_for_update()
        .filter(notice=locked, user_id=actor.pk)
        .first()
        if getattr(actor, "is_authenticated", False)
        else None
    )
    if ack is None:
        raise DomainError(_("This notice was not sent to you."), code="forbidden")
    if locked.state != NoticeState.ISSUED:
        raise DomainError(_("Only an issued notice can be acknowledged."), code="conflict")
    if ack.acknowledged_at is not None:
        raise DomainError(_("You have already acknowledged this notice."), code="conflict")
    ack.acknowledged_at = timezone.now()
    ack.comment = (comment or "").strip()
    ack.save(update_fields=["acknowledged_at", "comment"])
    if not ChangeAcknowledgement.objects.filter(
        notice=locked, acknowledged_at__isnull=True
    ).exists():
        timer_cancel(subject=locked, kind=ACK_REMIND_TIMER)
    event_record(
        actor=actor,
        verb="change_notice.acknowledged",
        subject=locked,
        after={"number": locked.number, "comment": ack.comment},
        scope=locked.collaboration,
        note=ack.comment,
    )
    return ack


def notice_remind(*, notice: ChangeNotice) -> int:
    """Remind everyone who has not acknowledged; schedule the next reminder. Return how many.

    Called by the reminder timer inside its transaction. Reminders repeat
    once a working day, `CONCORD_CHANGE_ACK_MAX_REMINDERS` times at most.
    """
    locked = _lock_notice(notice)
    if locked.state != NoticeState.ISSUED:
        return 0
    pending = list(
        ChangeAcknowledgement.objects.filter(notice=locked, acknowledged_at__isnull=True)
        .select_related("user__person")
        .order_by("id")
    )
    if not pending:
        return 0
    locked.reminders_sent += 1
    locked.save(update_fields=["reminders_sent"])
    event = event_record(
        actor=None,
        verb="change_notice.reminded",
        subject=locked,
        after={"reminder": locked.reminders_sent, "users": [a.user_id for a in pending]},
        scope=locked.collaboration,
    )
    notify.ack_reminder(notice=locked, users=[a.user for a in pending], event=event)
    if locked.reminders_sent < settings.CONCORD_CHANGE_ACK_MAX_REMINDERS:
        timer_schedule(
            kind=ACK_REMIND_TIMER, subject=locked, due_at=add_working_days(timezone.now(), 1)
        )
    return len(pending)


def notice_approved(notice: ChangeNotice, actor: User) -> None:
    """Issue a notice whose approval finished (called from the approval hook)."""
    locked = _lock_notice(notice)
    if locked.state != NoticeState.PENDING_APPROVAL:
        return
    before = notice_snapshot(locked)
    locked.feedback = ""
    locked.save(update_fields=["feedback"])
    _issue(locked, actor)
    _announce(locked, "change_notice.issued", actor, before)


def notice_sent_back(notice: ChangeNotice, actor: User, feedback: str) -> None:
    """Return a notice to its author with the approver's feedback (approval hook)."""
    locked = _lock_notice(notice)
    if locked.state != NoticeState.PENDING_APPROVAL:
        return
    locked.state = NoticeState.DRAFT
    locked.feedback = feedback
    locked.save(update_fields=["state", "feedback"])


# ---------------------------------------------------------------- resource requests


def _clean_resource(
    *,
    kind: str,
    description: str,
    quantity: int | None,
    amount: Decimal | None,
    justification: str,
    period_from: date | None,
    period_to: date | None,
) -> dict[str, list[str | Promise]]:
    errors: dict[str, list[str | Promise]] = {}
    if kind not in ResourceKind.values:
        errors["kind"] = [_("Choose people, budget or equipment.")]
    for name, value in (("description", description), ("justification", justification)):
        if not (value or "").strip():
            errors[name] = [_("This field is required.")]
    if kind == ResourceKind.BUDGET and amount is None:
        errors["amount"] = [_("Give the amount of budget requested.")]
    if kind in (ResourceKind.PEOPLE, ResourceKind.EQUIPMENT) and not quantity:
        errors["quantity"] = [_("Give how many are needed.")]
    if quantity is not None and quantity < 0:
        errors["quantity"] = [_("The quantity cannot be negative.")]
    if amount is not None and (amount < 0 or amount >= Decimal("1e12")):
        errors["amount"] = [_("Give an amount between 0 and 999,999,999,999.")]
    if period_from is None:
        errors["period_from"] = [_("This field is required.")]
    if period_to is None:
        errors["period_to"] = [_("This field is required.")]
    if period_from and period_to and period_to < period_from:
        errors["period_to"] = [_("The period ends before it starts.")]
    return errors


def _start_review(req: ResourceRequest, actor: User) -> None:
    steps = approvers.resource_chain(collab=req.collaboration, actor=actor, amount=req.amount)
    req.state = ResourceState.IN_REVIEW
    req.submitted_at = timezone.now()
    req.feedback = ""
    req.save(update_fields=["state", "submitted_at", "feedback"])
    flow_start(
        actor=actor, subject=req, purpose=RESOURCE_PURPOSE, steps=steps, scope=req.collaboration
    )


@transaction.atomic
def resource_request_create(
    *,
    actor: User,
    collaboration: Collaboration,
    kind: str,
    description: str,
    justification: str,
    period_from: date,
    period_to: date,
    quantity: int | None = None,
    amount: Decimal | None = None,
    submit: bool = True,
) -> ResourceRequest:
    """Fill a 《资源申请表》 row; with `submit` send it for review at once."""
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    if not access.may_request_resources(actor, collab):
        raise access.forbidden()
    _require_valid(
        _clean_resource(
            kind=kind,
            description=description,
            quantity=quantity,
            amount=amount,
            justification=justification,
            period_from=period_from,
            period_to=period_to,
        )
    )
    req = ResourceRequest.objects.create(
        collaboration=collab,
        number=_next_number(ResourceRequest, collab, "ZY"),
        kind=kind,
        description=description.strip(),
        quantity=quantity,
        amount=amount,
        justification=justification.strip(),
        period_from=period_from,
        period_to=period_to,
        requested_by=actor,
    )
    if submit:
        _start_review(req, actor)
    event_record(
        actor=actor,
        verb="resource_request.submitted" if submit else "resource_request.drafted",
        subject=req,
        after=resource_snapshot(req),
        scope=collab,
    )
    return req


def _lock_resource(req: ResourceRequest) -> ResourceRequest:
    return _lock_in_collab(ResourceRequest, req)


@transaction.atomic
def resource_request_update(
    *,
    actor: User,
    request: ResourceRequest,
    kind: str,
    description: str,
    justification: str,
    period_from: date,
    period_to: date,
    quantity: int | None = None,
    amount: Decimal | None = None,
    submit: bool = True,
) -> ResourceRequest:
    """Revise a draft or returned request; with `submit` send it for review (a new round)."""
    locked = _lock_resource(request)
    access.require_under_way(locked.collaboration)
    if not access.may_change_resource(actor, locked):
        raise access.forbidden()
    if locked.state not in (ResourceState.DRAFT, ResourceState.RETURNED):
        raise DomainError(_("Only a draft or a returned request can be revised."), code="conflict")
    _require_valid(
        _clean_resource(
            kind=kind,
            description=description,
            quantity=quantity,
            amount=amount,
            justification=justification,
            period_from=period_from,
            period_to=period_to,
        )
    )
    before = resource_snapshot(locked)
    locked.kind = kind
    locked.description = description.strip()
    locked.quantity = quantity
    locked.amount = amount
    locked.justification = justification.strip()
    locked.period_from = period_from
    locked.period_to = period_to
    locked.save()
    if submit:
        _start_review(locked, actor)
    event_record(
        actor=actor,
        verb="resource_request.submitted" if submit else "resource_request.updated",
        subject=locked,
        before=before,
        after=resource_snapshot(locked),
        scope=locked.collaboration,
    )
    return locked


@transaction.atomic
def resource_request_withdraw(*, actor: User, request: ResourceRequest) -> ResourceRequest:
    """Withdraw a request before its final decision; its approval ends."""
    locked = _lock_resource(request)
    if not access.may_withdraw_resource(actor, locked):
        raise access.forbidden()
    if locked.state not in (ResourceState.DRAFT, ResourceState.IN_REVIEW, ResourceState.RETURNED):
        raise DomainError(_("This request can no longer be withdrawn."), code="conflict")
    before = resource_snapshot(locked)
    if locked.state == ResourceState.IN_REVIEW:
        flow = current_flow(locked, RESOURCE_PURPOSE)
        if flow is not None and flow.state == FlowState.PENDING:
            flow_withdraw(actor=actor, flow=flow)
    locked.state = ResourceState.WITHDRAWN
    locked.save(update_fields=["state"])
    event_record(
        actor=actor,
        verb="resource_request.withdrawn",
        subject=locked,
        before=before,
        after=resource_snapshot(locked),
        scope=locked.collaboration,
    )
    return locked


def resource_decided(req: ResourceRequest, actor: User, state: str, feedback: str) -> None:
    """Apply the approval's outcome to the request (called from the approval hooks)."""
    locked = _lock_resource(req)
    if locked.state != ResourceState.IN_REVIEW:
        return
    locked.state = state
    locked.decided_at = timezone.now()
    locked.feedback = feedback
    locked.save(update_fields=["state", "decided_at", "feedback"])
    if state == ResourceState.APPROVED:
        notify.resource_approved(req=locked, actor=actor)


@transaction.atomic
def change_rule_save(
    *, actor: User, rule: ChangeApprovalRule, changed: list[str] | None = None
) -> ChangeApprovalRule:
    """Save a change approval rule edited by the PMO (admin) and record it."""
    from concord.approvals.access import may_configure

    if not may_configure(actor):
        raise DomainError(_("Only the PMO may change the approval rules."), code="forbidden")
    created = rule.pk is None
    if not created:
        ChangeApprovalRule.objects.select_for_update().filter(pk=rule.pk).first()
    rule.full_clean()
    rule.save()
    event_record(
        actor=actor,
        verb="change_rule.created" if created else "change_rule.changed",
        subject=rule,
        after={
            "name": rule.name,
            "category": rule.category,
            "min_budget_delta": rule.min_budget_delta,
            "approver_role": rule.approver_role,
            "position": rule.position,
            "is_active": rule.is_active,
            "changed": changed or [],
        },
    )
    return rule
