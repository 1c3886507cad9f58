"""Writes of milestone reviews, retrospectives, measures and rule proposals.

The write contract: each function runs in one transaction, locks the
collaboration and then the row it changes, checks the state and the actor
(`access`), writes exactly one event of its own (scoped to the
collaboration), and its notifications and timers in the same transaction.

Rules chosen here (see docs/decisions.md, "Reviews"):
- A milestone review is due once per milestone (its plan row's `key`, so a
  new plan version does not ask again): when its date has passed, or when
  every task linked to it is done. A daily timer per collaboration finds
  due milestones (`milestone_reviews_check`); the lead may also start one
  early by hand. The lead is reminded every 2 working days, 3 times at most,
  until the report is published.
- A review's improvement measure becomes a task (exactly once, the measure
  is the task's source). A retrospective's measures are tracked on the
  retrospective itself: the retrospective is written as the collaboration
  closes, and its measures outlive the task board.
- A plan adjustment decided in a review opens a change notice (category
  "plan") whose source is the review — never a direct plan edit.
- Publishing puts the report into the knowledge index and makes it final.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations import lifecycle
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of, stakeholders_of
from concord.lib import workcal
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify
from concord.orgs.models import Department
from concord.planning.models import Milestone
from concord.planning.selectors import effective_plan
from concord.timers.services import timer_cancel, timer_schedule

from . import access, kinds, selectors
from .models import (
    Cause,
    Deviation,
    Measure,
    MeasureState,
    MilestoneReview,
    PointKind,
    Proposal,
    ProposalState,
    RetroKind,
    RetroPoint,
    Retrospective,
    ReviewState,
    Trigger,
)

User = Any

CHECK_TIMER = "reviews.check"
REMIND_TIMER = "reviews.remind"
MEASURE_OVERDUE_TIMER = "reviews.measure_overdue"
REMIND_EVERY_WORKING_DAYS = 2
MAX_REMINDERS = 3
TEXT_MAX = 10_000
BUDGET_MAX = Decimal("1e12")


# --------------------------------------------------------------------- helpers


def _name(user: User) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or user.get_username()


def _invalid(message: str | Promise, field: str) -> DomainError:
    return DomainError(message, code="invalid", field=field)


def _text(value: str | None, field: str, *, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise _invalid(_("This field is required."), field)
    if len(text) > TEXT_MAX:
        raise _invalid(_("This text is too long."), field)
    return text


def _lock_collab(collab: Collaboration) -> Collaboration:
    locked = Collaboration.objects.select_for_update().filter(pk=collab.pk).first()
    if locked is None:
        raise not_found()
    return locked


def _lock_review(review: MilestoneReview) -> MilestoneReview:
    collab = _lock_collab(review.collaboration)
    locked = MilestoneReview.objects.select_for_update().filter(pk=review.pk).first()
    if locked is None:
        raise not_found()
    locked.collaboration = collab
    return locked


def _lock_retro(retro: Retrospective) -> Retrospective:
    collab = _lock_collab(retro.collaboration)
    locked = Retrospective.objects.select_for_update().filter(pk=retro.pk).first()
    if locked is None:
        raise not_found()
    locked.collaboration = collab
    return locked


def _collab_param(collab: Collaboration) -> str:
    return f"{collab.number or ''} {collab.name}".strip()


def _review_params(review: MilestoneReview, actor: User = None, **extra: Any) -> dict[str, Any]:
    return {
        "collaboration": _collab_param(review.collaboration),
        "milestone": review.milestone_name,
        "planned_on": review.planned_on.isoformat(),
        "actor": _name(actor),
        **extra,
    }


def _snapshot(review: MilestoneReview) -> dict[str, Any]:
    return {
        "milestone": review.milestone_name,
        "state": review.state,
        "summary": review.summary,
        "budget_planned": review.budget_planned,
        "budget_actual": review.budget_actual,
    }


def _writer_lead(collab: Collaboration) -> User:
    return lead_of(collab) or collab.initiator


def _budget(value: Decimal | None, field: str) -> Decimal | None:
    if value is None:
        return None
    if value < 0 or value >= BUDGET_MAX:
        raise _invalid(_("Give an amount between 0 and 999,999,999,999."), field)
    return value


def _index(obj: Any, *, kind: str, title: str, body: str) -> None:
    """Put a published report into the knowledge search index (contract 2)."""
    from concord.knowledge.indexing import index_put

    index_put(
        source=obj,
        collaboration=obj.collaboration,
        kind=kind,
        title=title[:300],
        body=body,
        url=obj.get_absolute_url(),
        when=timezone.now(),
    )


# ------------------------------------------------------- timers (scheduling)


def _morning_after(day: date) -> datetime:
    """Return the start of the next working day after `day`."""
    from django.conf import settings

    return timezone.make_aware(
        datetime.combine(workcal.next_working_day(day), settings.CONCORD_WORKDAY_START),
        timezone.get_current_timezone(),
    )


def _next_morning(after: datetime | None = None) -> datetime:
    """Return the start of the next working day after `after` (now)."""
    return _morning_after(timezone.localtime(after or timezone.now()).date())


def arm_check(collab: Collaboration) -> None:
    """Make sure the collaboration has one pending daily milestone check (idempotent).

    Called inside the caller's transaction: when a plan comes into effect,
    when a review is started by hand, and by the check itself.
    """
    from django.contrib.contenttypes.models import ContentType

    from concord.timers.models import Timer

    pending = Timer.objects.filter(
        subject_type=ContentType.objects.get_for_model(Collaboration),
        subject_id=collab.pk,
        state=Timer.State.PENDING,
        kind=CHECK_TIMER,
    ).exists()
    if not pending:
        timer_schedule(kind=CHECK_TIMER, subject=collab, due_at=_next_morning())


def _arm_reminder(review: MilestoneReview) -> None:
    timer_cancel(subject=review, kind=REMIND_TIMER)
    timer_schedule(
        kind=REMIND_TIMER,
        subject=review,
        due_at=workcal.add_working_days(timezone.now(), REMIND_EVERY_WORKING_DAYS),
    )


# ------------------------------------------------------------ milestone reviews


def due_trigger(milestone: Milestone, today: date, task_states: list[bool]) -> str | None:
    """Return why the milestone's review is due (or None): its date passed or it was reached."""
    if milestone.due_on < today:
        return Trigger.DATE_PASSED
    if task_states and all(task_states):
        return Trigger.REACHED
    return None


def _create_review(
    collab: Collaboration, milestone: Milestone, trigger: str, budget: Decimal | None
) -> MilestoneReview:
    review = MilestoneReview.objects.create(
        collaboration=collab,
        milestone=milestone,
        milestone_key=milestone.key,
        milestone_name=milestone.name,
        planned_on=milestone.due_on,
        deliverable=milestone.deliverable,
        trigger=trigger,
        budget_planned=budget,
    )
    review.collaboration = collab
    _arm_reminder(review)
    return review


def _announce_due(review: MilestoneReview, actor: User, verb: str) -> None:
    collab = review.collaboration
    event = event_record(
        actor=actor,
        verb=verb,
        subject=review,
        after={**_snapshot(review), "trigger": review.trigger},
        scope=collab,
    )
    lead = _writer_lead(collab)
    notify(
        recipients=[lead],
        kind=kinds.REVIEW_DUE,
        subject=review,
        params=_review_params(review, actor),
        url=review.get_absolute_url(),
        actor=actor,
        event=event,
    )


@transaction.atomic
def milestone_reviews_check(
    *, collaboration: Collaboration, today: date | None = None
) -> list[MilestoneReview]:
    """Create the reviews that have become due (idempotent); return the new ones.

    Run by the daily timer. Each new review records its own event (the
    "system" found it due) and tells the lead.
    """
    collab = _lock_collab(collaboration)
    if collab.state not in lifecycle.ACTIVE:
        return []
    today = today or timezone.localdate()
    version = effective_plan(collab)
    if version is None:
        return []
    existing = set(
        MilestoneReview.objects.filter(collaboration=collab).values_list("milestone_key", flat=True)
    )
    states = selectors.milestone_task_states(collab)
    created = []
    for milestone in version.milestones.all():
        if milestone.key in existing:
            continue
        trigger = due_trigger(milestone, today, states.get(milestone.key, []))
        if trigger is None:
            continue
        review = _create_review(collab, milestone, trigger, version.budget)
        _announce_due(review, None, "milestone_review.due")
        created.append(review)
    return created


def _still_to_review(collab: Collaboration) -> bool:
    version = effective_plan(collab)
    if version is None or collab.state not in lifecycle.ACTIVE:
        return False
    keys = set(version.milestones.values_list("key", flat=True))
    done = set(
        MilestoneReview.objects.filter(collaboration=collab).values_list("milestone_key", flat=True)
    )
    return bool(keys - done)


def check_and_rearm(collab: Collaboration) -> list[MilestoneReview]:
    """The daily check's handler body: find due reviews, then arm tomorrow's check."""
    with transaction.atomic():
        created = milestone_reviews_check(collaboration=collab)
        locked = _lock_collab(collab)
        if _still_to_review(locked):
            arm_check(locked)
    return created


@transaction.atomic
def milestone_review_start(
    *, actor: User, collaboration: Collaboration, milestone: Milestone
) -> MilestoneReview:
    """Start the review of a milestone of the plan in effect before it is found due."""
    collab = _lock_collab(collaboration)
    access.require_open(collab)
    if not access.may_write(actor, collab):
        raise access.forbidden()
    version = effective_plan(collab)
    if version is None or milestone.version_id != version.pk:
        raise _invalid(_("Choose a milestone of the plan in effect."), "milestone")
    if MilestoneReview.objects.filter(collaboration=collab, milestone_key=milestone.key).exists():
        raise DomainError(_("This milestone already has a review."), code="conflict")
    review = _create_review(collab, milestone, Trigger.MANUAL, version.budget)
    _announce_due(review, actor, "milestone_review.started")
    arm_check(collab)
    return review


@transaction.atomic
def milestone_review_update(
    *,
    actor: User,
    review: MilestoneReview,
    summary: str,
    budget_planned: Decimal | None = None,
    budget_actual: Decimal | None = None,
) -> MilestoneReview:
    """Write the 成果总结 and the budget (planned vs actual)."""
    locked = _lock_review(review)
    access.require_open(locked.collaboration)
    if not access.may_write(actor, locked.collaboration):
        raise access.forbidden()
    access.require_unpublished(locked)
    before = _snapshot(locked)
    locked.summary = _text(summary, "summary", required=False)
    locked.budget_planned = _budget(budget_planned, "budget_planned")
    locked.budget_actual = _budget(budget_actual, "budget_actual")
    locked.save(update_fields=["summary", "budget_planned", "budget_actual"])
    event_record(
        actor=actor,
        verb="milestone_review.updated",
        subject=locked,
        before=before,
        after=_snapshot(locked),
        scope=locked.collaboration,
    )
    return locked


@transaction.atomic
def deviation_add(
    *, actor: User, review: MilestoneReview, cause: str, description: str, item: str = ""
) -> Deviation:
    """Add a row to the 问题清单: a deviation, its cause from the fixed list, and free text."""
    locked = _lock_review(review)
    access.require_open(locked.collaboration)
    if not access.may_contribute(actor, locked.collaboration):
        raise access.forbidden()
    access.require_unpublished(locked)
    if cause not in Cause.values:
        raise _invalid(_("Choose a cause from the list."), "cause")
    deviation = Deviation.objects.create(
        review=locked,
        cause=cause,
        description=_text(description, "description"),
        item=(item or "").strip()[:300],
        author=actor,
    )
    event_record(
        actor=actor,
        verb="milestone_review.deviation_added",
        subject=locked,
        after={"deviation": deviation.pk, "cause": cause, "item": deviation.item},
        scope=locked.collaboration,
        note=deviation.description,
    )
    return deviation


@transaction.atomic
def deviation_remove(*, actor: User, deviation: Deviation) -> None:
    """Remove a deviation: its author or a writer, while the review is not published."""
    locked = _lock_review(deviation.review)
    row = Deviation.objects.select_for_update().filter(pk=deviation.pk, review=locked).first()
    if row is None:
        raise not_found()
    access.require_open(locked.collaboration)
    if not (
        access.may_write(actor, locked.collaboration)
        or (row.author_id == actor.pk and access.may_contribute(actor, locked.collaboration))
    ):
        raise access.forbidden()
    access.require_unpublished(locked)
    before = {"deviation": row.pk, "cause": row.cause, "description": row.description}
    row.delete()
    event_record(
        actor=actor,
        verb="milestone_review.deviation_removed",
        subject=locked,
        before=before,
        scope=locked.collaboration,
    )


def _check_owner(owner: User) -> None:
    if owner is None or not getattr(owner, "is_active", False):
        raise _invalid(_("Choose an active person as the owner."), "owner")


def _department_of(owner: User, collab: Collaboration) -> Department:
    person = getattr(owner, "person", None)
    return getattr(person, "department", None) or collab.department


@transaction.atomic
def measure_add(
    *,
    actor: User,
    parent: MilestoneReview | Retrospective,
    text: str,
    owner: User,
    due_on: date | None,
) -> Measure:
    """Add an improvement measure (改进措施) with an owner and a date.

    A review's measure becomes a task (its source is the measure), exactly
    once; a retrospective's is tracked on the retrospective.
    """
    is_review = isinstance(parent, MilestoneReview)
    locked: Any = _lock_review(parent) if is_review else _lock_retro(parent)  # type: ignore[arg-type]
    collab = locked.collaboration
    access.require_open(collab)
    if not access.may_write(actor, collab):
        raise access.forbidden()
    access.require_unpublished(locked)
    body = _text(text, "text")
    _check_owner(owner)
    if due_on is None:
        raise _invalid(_("Give the date it is due."), "due_on")
    if due_on < timezone.localdate():
        raise _invalid(_("The date is in the past."), "due_on")
    measure = Measure.objects.create(
        collaboration=collab,
        review=locked if is_review else None,
        retrospective=None if is_review else locked,
        text=body,
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )
    if is_review:
        from concord.tasks.services import task_create

        task = task_create(
            actor=actor,
            collaboration=collab,
            title=(_("Improvement: %(text)s") % {"text": body})[:300],
            owner=owner,
            department=_department_of(owner, collab),
            due_on=due_on,
            description=body,
            source=measure,
        )
        measure.task = task
        measure.save(update_fields=["task"])
    event = event_record(
        actor=actor,
        verb="milestone_review.measure_added" if is_review else "retrospective.measure_added",
        subject=locked,
        after={
            "measure": measure.pk,
            "owner": _name(owner),
            "due_on": due_on,
            "task": measure.task.number if measure.task else None,
        },
        scope=collab,
        note=body,
    )
    if not is_review:
        # No task reminds anyone of it, so the measure keeps its own deadline.
        timer_schedule(kind=MEASURE_OVERDUE_TIMER, subject=measure, due_at=_morning_after(due_on))
    if not is_review and owner.pk != actor.pk:
        # A review's measure is announced by its task; a retrospective's has no task.
        notify(
            recipients=[owner],
            kind=kinds.MEASURE_ASSIGNED,
            subject=measure,
            params={
                "collaboration": _collab_param(collab),
                "measure": body[:200],
                "due_on": due_on.isoformat(),
                "actor": _name(actor),
            },
            url=measure.get_absolute_url(),
            actor=actor,
            event=event,
        )
    return measure


@transaction.atomic
def measure_done(*, actor: User, measure: Measure) -> Measure:
    """Mark a retrospective's measure done (a review's is done on its task)."""
    collab = _lock_collab(measure.collaboration)
    locked = Measure.objects.select_for_update().filter(pk=measure.pk).first()
    if locked is None:
        raise not_found()
    if locked.task_id is not None:
        raise DomainError(_("This measure is tracked on its task."), code="conflict")
    if not (locked.owner_id == actor.pk or access.may_write(actor, collab)):
        raise access.forbidden()
    if locked.state == MeasureState.DONE:
        raise DomainError(_("This measure is already done."), code="conflict")
    locked.state = MeasureState.DONE
    locked.save(update_fields=["state"])
    timer_cancel(subject=locked, kind=MEASURE_OVERDUE_TIMER)
    parent: Any = locked.retrospective or locked.review
    event_record(
        actor=actor,
        verb="measure.done",
        subject=parent,
        before={"measure": locked.pk, "state": MeasureState.OPEN},
        after={"measure": locked.pk, "state": MeasureState.DONE},
        scope=collab,
        note=locked.text,
    )
    return locked


@transaction.atomic
def measure_overdue(*, measure: Measure) -> bool:
    """Tell the owner (and the lead) that a retrospective's action is past its date.

    Timer handler body; a measure done (or tracked on a task) makes it moot.
    It runs whatever the collaboration's state: the actions outlive it.
    """
    collab = _lock_collab(measure.collaboration)
    locked = (
        Measure.objects.select_for_update().select_related("owner").filter(pk=measure.pk).first()
    )
    if locked is None or locked.state != MeasureState.OPEN or locked.task_id is not None:
        return False
    parent: Any = locked.retrospective or locked.review
    event = event_record(
        actor=None,
        verb="measure.overdue",
        subject=parent,
        after={"measure": locked.pk, "due_on": locked.due_on},
        scope=collab,
        note=locked.text,
    )
    lead = _writer_lead(collab)
    notify(
        recipients=[locked.owner, *([lead] if lead.pk != locked.owner_id else [])],
        kind=kinds.MEASURE_OVERDUE,
        subject=locked,
        params={
            "collaboration": _collab_param(collab),
            "measure": locked.text[:200],
            "due_on": locked.due_on.isoformat(),
        },
        url=locked.get_absolute_url(),
        event=event,
    )
    return True


@transaction.atomic
def review_adjustment_open(
    *,
    actor: User,
    review: MilestoneReview,
    title: str,
    what: str,
    why: str,
    effective_on: date,
    impact_time: str = "",
    impact_scope: str = "",
    impact_budget: str = "",
    budget_delta: Decimal | None = None,
) -> Any:
    """Open a plan adjustment decided in the review: a change notice whose source is the review.

    The change notice flow (approval if a rule asks, acknowledgement by every
    stakeholder) does the rest; the plan itself is revised through planning.
    """
    from concord.changes.services import change_notice_issue

    locked = _lock_review(review)
    access.require_open(locked.collaboration)
    if not access.may_write(actor, locked.collaboration):
        raise access.forbidden()
    notice = change_notice_issue(
        actor=actor,
        collaboration=locked.collaboration,
        category="plan",
        title=title,
        what=what,
        why=why,
        impact_scope=impact_scope,
        impact_time=impact_time,
        impact_budget=impact_budget,
        effective_on=effective_on,
        budget_delta=budget_delta,
        source=locked,
    )
    event_record(
        actor=actor,
        verb="milestone_review.adjustment_opened",
        subject=locked,
        after={"notice": notice.number, "title": notice.title, "state": notice.state},
        scope=locked.collaboration,
    )
    return notice


def review_body(review: MilestoneReview) -> str:
    """The report's text for the search index: 成果总结 – 问题清单 – 改进措施."""
    lines = [review.milestone_name, review.summary]
    for d in review.deviations.all():
        lines.append(f"{Cause(d.cause).label}: {d.item} {d.description}")
    for m in review.measures.all():
        lines.append(m.text)
    return "\n".join(line for line in lines if line)


@transaction.atomic
def milestone_review_publish(*, actor: User, review: MilestoneReview) -> MilestoneReview:
    """Publish the 《复盘报告》: freeze plan vs actual, index it, tell the stakeholders."""
    locked = _lock_review(review)
    collab = locked.collaboration
    access.require_open(collab)
    if not access.may_write(actor, collab):
        raise access.forbidden()
    access.require_unpublished(locked)
    if not locked.summary.strip():
        raise _invalid(_("Write the summary of results before publishing."), "summary")
    before = _snapshot(locked)
    locked.comparison = selectors.comparison_rows(locked, live=True)
    locked.state = ReviewState.PUBLISHED
    locked.published_at = timezone.now()
    locked.published_by = actor
    locked.save(update_fields=["comparison", "state", "published_at", "published_by"])
    timer_cancel(subject=locked, kind=REMIND_TIMER)
    _index(
        locked,
        kind="review",
        title=str(_("Review report: %(name)s") % {"name": locked.milestone_name}),
        body=review_body(locked),
    )
    event = event_record(
        actor=actor,
        verb="milestone_review.published",
        subject=locked,
        before=before,
        after=_snapshot(locked),
        scope=collab,
    )
    notify(
        recipients=[u for u in stakeholders_of(collab) if u.pk != actor.pk],
        kind=kinds.REVIEW_PUBLISHED,
        subject=locked,
        params=_review_params(locked, actor),
        url=locked.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return locked


@transaction.atomic
def review_remind(*, review: MilestoneReview) -> bool:
    """Remind the lead of an unpublished review; arm the next reminder. Timer handler body."""
    locked = _lock_review(review)
    if locked.state != ReviewState.DUE or locked.collaboration.state not in lifecycle.ACTIVE:
        return False
    locked.reminders_sent += 1
    locked.save(update_fields=["reminders_sent"])
    event = event_record(
        actor=None,
        verb="milestone_review.reminded",
        subject=locked,
        after={"reminder": locked.reminders_sent},
        scope=locked.collaboration,
    )
    notify(
        recipients=[_writer_lead(locked.collaboration)],
        kind=kinds.REVIEW_REMINDER,
        subject=locked,
        params=_review_params(
            locked, since=timezone.localtime(locked.created_at).date().isoformat()
        ),
        url=locked.get_absolute_url(),
        event=event,
    )
    if locked.reminders_sent < MAX_REMINDERS:
        _arm_reminder(locked)
    return True


# ------------------------------------------------------------ retrospectives


@transaction.atomic
def retrospective_start(
    *, actor: User, collaboration: Collaboration, kind: str = RetroKind.PROJECT, summary: str = ""
) -> Retrospective:
    collab = _lock_collab(collaboration)
    access.require_open(collab)
    if not access.may_write(actor, collab):
        raise access.forbidden()
    if kind not in RetroKind.values:
        raise _invalid(_("Choose the kind of retrospective."), "kind")
    if Retrospective.objects.filter(collaboration=collab, kind=kind).exists():
        raise DomainError(_("This retrospective is already started."), code="conflict")
    retro = Retrospective.objects.create(
        collaboration=collab,
        kind=kind,
        summary=_text(summary, "summary", required=False),
        created_by=actor,
    )
    retro.collaboration = collab
    event_record(
        actor=actor,
        verb="retrospective.started",
        subject=retro,
        after={"kind": kind, "state": retro.state},
        scope=collab,
    )
    return retro


@transaction.atomic
def retrospective_update(*, actor: User, retro: Retrospective, summary: str) -> Retrospective:
    locked = _lock_retro(retro)
    access.require_open(locked.collaboration)
    if not access.may_write(actor, locked.collaboration):
        raise access.forbidden()
    access.require_unpublished(locked)
    before = {"summary": locked.summary}
    locked.summary = _text(summary, "summary", required=False)
    locked.save(update_fields=["summary"])
    event_record(
        actor=actor,
        verb="retrospective.updated",
        subject=locked,
        before=before,
        after={"summary": locked.summary},
        scope=locked.collaboration,
    )
    return locked


@transaction.atomic
def retro_point_add(
    *,
    actor: User,
    retro: Retrospective,
    kind: str,
    text: str,
    department: Department | None = None,
) -> RetroPoint:
    """Add what worked (有效做法) or what to improve (待改进点)."""
    locked = _lock_retro(retro)
    access.require_open(locked.collaboration)
    if not access.may_contribute(actor, locked.collaboration):
        raise access.forbidden()
    access.require_unpublished(locked)
    if kind not in PointKind.values:
        raise _invalid(_("Choose what worked or what to improve."), "kind")
    if department is None:
        department = getattr(getattr(actor, "person", None), "department", None)
    point = RetroPoint.objects.create(
        retrospective=locked,
        kind=kind,
        text=_text(text, "text"),
        department=department,
        author=actor,
    )
    event_record(
        actor=actor,
        verb="retrospective.point_added",
        subject=locked,
        after={"point": point.pk, "kind": kind},
        scope=locked.collaboration,
        note=point.text,
    )
    return point


def retro_body(retro: Retrospective) -> str:
    lines = [retro.summary]
    lines += [p.text for p in retro.points.all()]
    lines += [m.text for m in retro.measures.all()]
    lines += [p.text for p in retro.proposals.all()]
    return "\n".join(line for line in lines if line)


@transaction.atomic
def retrospective_publish(*, actor: User, retro: Retrospective) -> Retrospective:
    """Publish the retrospective: final, indexed, the stakeholders told."""
    locked = _lock_retro(retro)
    collab = locked.collaboration
    access.require_open(collab)
    if not access.may_write(actor, collab):
        raise access.forbidden()
    access.require_unpublished(locked)
    if not locked.points.exists():
        raise DomainError(
            _("Add at least one point (what worked or what to improve) before publishing."),
            code="invalid",
            field="points",
        )
    locked.state = ReviewState.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["state", "published_at"])
    _index(
        locked,
        kind="retrospective",
        title=f"{RetroKind(locked.kind).label}: {collab.name}",
        body=retro_body(locked),
    )
    event = event_record(
        actor=actor,
        verb="retrospective.published",
        subject=locked,
        before={"state": ReviewState.DUE},
        after={"state": locked.state},
        scope=collab,
    )
    notify(
        recipients=[u for u in stakeholders_of(collab) if u.pk != actor.pk],
        kind=kinds.RETRO_PUBLISHED,
        subject=locked,
        params={"collaboration": _collab_param(collab), "actor": _name(actor)},
        url=locked.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return locked


# ------------------------------------------------------------ rule proposals


@transaction.atomic
def proposal_make(
    *,
    actor: User,
    retro: Retrospective,
    text: str,
    rationale: str = "",
) -> Proposal:
    """Propose a change to the organization's collaboration rules; the PMO is told."""
    from concord.orgs.models import Person

    locked = _lock_retro(retro)
    collab = locked.collaboration
    access.require_open(collab)
    if not access.may_contribute(actor, collab):
        raise access.forbidden()
    access.require_unpublished(locked)
    proposal = Proposal.objects.create(
        collaboration=collab,
        retrospective=locked,
        text=_text(text, "text"),
        rationale=_text(rationale, "rationale", required=False),
        proposed_by=actor,
    )
    event = event_record(
        actor=actor,
        verb="proposal.made",
        subject=proposal,
        after={"text": proposal.text, "state": proposal.state},
        scope=collab,
    )
    pmo = [
        p.user
        for p in Person.objects.filter(is_pmo=True, user__is_active=True).select_related("user")
        if p.user_id != actor.pk
    ]
    notify(
        recipients=pmo,
        kind=kinds.PROPOSAL_NEW,
        subject=proposal,
        params={
            "collaboration": _collab_param(collab),
            "actor": _name(actor),
            "proposal": proposal.text[:200],
        },
        url=proposal.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return proposal


@transaction.atomic
def proposal_decide(*, actor: User, proposal: Proposal, adopt: bool, note: str = "") -> Proposal:
    """The PMO marks a proposal adopted or declined, with a note; the proposer is told."""
    if not access.may_decide_proposals(actor):
        raise access.forbidden()
    _lock_collab(proposal.collaboration)
    locked = (
        Proposal.objects.select_for_update()
        .select_related("proposed_by")
        .filter(pk=proposal.pk)
        .first()
    )
    if locked is None:
        raise not_found()
    if locked.state != ProposalState.OPEN:
        raise DomainError(_("This proposal has already been decided."), code="conflict")
    if not adopt and not (note or "").strip():
        raise _invalid(_("Say why the proposal is declined."), "note")
    note = _text(note, "note", required=False)
    locked.state = ProposalState.ADOPTED if adopt else ProposalState.DECLINED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.decision_note = note
    locked.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    event = event_record(
        actor=actor,
        verb="proposal.adopted" if adopt else "proposal.declined",
        subject=locked,
        before={"state": ProposalState.OPEN},
        after={"state": locked.state},
        scope=proposal.collaboration,
        note=note,
    )
    notify(
        recipients=[locked.proposed_by],
        kind=kinds.PROPOSAL_ADOPTED if adopt else kinds.PROPOSAL_DECLINED,
        subject=locked,
        params={
            "proposal": locked.text[:200],
            "note": note,
            "actor": _name(actor),
        },
        url=locked.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return locked
