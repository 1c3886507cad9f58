"""Writes of the issue log (the write contract: one event each).

Locking: raising locks the collaboration (it serialises numbering); every
other write locks the issue row alone, and so does the escalation timer's
handler, so an escalation and a resolution racing each other queue on that
row: whichever commits first wins, the other sees its result (a resolved
issue does not escalate; a resolution after an escalation still lands).

Each issue has at most one pending `issues.escalate` timer, armed for its
current level and `version`; any restart of the clock bumps the version
and re-arms it, resolving or closing cancels it. A daily
`issues.daily_update` timer reminds the owner on working days to post a
status update while the issue is open.
"""

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.activity.models import Event
from concord.activity.services import event_record
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of, sponsor_of, stakeholders_of
from concord.collaborations.services import member_ensure
from concord.communication.selectors import escalation_path, vp_over
from concord.knowledge.indexing import index_put
from concord.lib import workcal
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify
from concord.orgs.models import Department, Person
from concord.timers.services import timer_cancel, timer_schedule

from . import access, kinds
from .models import (
    ACTIVE,
    Issue,
    IssueLevelPeriod,
    IssueUpdate,
    Outcome,
    Status,
    issue_snapshot,
)

User = Any

ESCALATE_TIMER = "issues.escalate"
DAILY_TIMER = "issues.daily_update"
#: When, on a working day, the owner is reminded to post the day's status.
DAILY_REMINDER_AT = time(17, 0)

#: The reason an automatic escalation records, in the guide's words (pages show it translated).
AUTO_REASON = "超时自动升级"
TEXT_LIMIT = 10000


def name_of(user: User | None) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()


def local_text(when: datetime) -> str:
    return timezone.localtime(when).strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------- helpers


def _lock_collab(collab: Collaboration) -> Collaboration:
    locked = Collaboration.objects.select_for_update().filter(pk=collab.pk).first()
    if locked is None:
        raise not_found()
    return locked


def _lock(issue: Issue | int) -> Issue:
    pk = issue if isinstance(issue, int) else issue.pk
    locked = Issue.objects.select_for_update().filter(pk=pk).first()
    if locked is None:
        raise not_found()
    # The collaboration is read after the lock (PostgreSQL refuses FOR UPDATE on joins).
    locked.collaboration = Collaboration.objects.get(pk=locked.collaboration_id)
    return locked


def _require(ok: bool) -> None:
    if not ok:
        raise access.forbidden()


def _require_active(issue: Issue) -> None:
    if issue.status not in ACTIVE:
        raise DomainError(
            _("The issue is “%(status)s”: nothing more can be done with it.")
            % {"status": Status(issue.status).label},
            code="conflict",
        )


def _text(value: str | None, field: str, *, required: bool = False, limit: int = TEXT_LIMIT) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(_("This field is required."), field=field)
    if len(text) > limit:
        raise DomainError(_("Keep it under %(n)s characters.") % {"n": limit}, field=field)
    return text


def level_row(collab: Collaboration, level: int) -> Any:
    """Return the escalation path's row for `level` (handlers resolved)."""
    return escalation_path(collab)[level - 1]


def handler_for(collab: Collaboration, level: int, owner: User) -> User:
    """Return who handles `level`: the escalation path's handler, else the usual person.

    Level 1: the owner (the parties resolve it themselves); level 2: the
    project lead (the initiator while none is named); level 3: the sponsor,
    else the VP over the initiating department, else the lead.
    """
    row = level_row(collab, level)
    handlers = getattr(row, "handlers", [])
    if handlers:
        return handlers[0]
    lead = lead_of(collab) or collab.initiator
    if level == 1:
        return owner
    if level == 2:
        return lead
    return sponsor_of(collab) or vp_over(collab) or lead


def deadline_for(collab: Collaboration, level: int, start: datetime) -> datetime:
    """Return when `level`'s time runs out for a stint started at `start`."""
    deadline: datetime = level_row(collab, level).deadline_from(start)
    return deadline


def next_reminder_at(now: datetime) -> datetime:
    """Return the next daily-update reminder instant: 17:00 on this or the next working day."""
    local = timezone.localtime(now)
    day = local.date()
    if not (workcal.is_working_day(day) and local.time() < DAILY_REMINDER_AT):
        day = workcal.next_working_day(day)
    return timezone.make_aware(datetime.combine(day, DAILY_REMINDER_AT))


def _arm(issue: Issue) -> None:
    """(Re-)arm the single pending escalation timer for the current level and version."""
    timer_cancel(subject=issue, kind=ESCALATE_TIMER)
    timer_schedule(
        kind=ESCALATE_TIMER,
        subject=issue,
        due_at=issue.due_at,
        payload={"level": issue.level, "version": issue.version},
    )


def _disarm(issue: Issue) -> None:
    timer_cancel(subject=issue, kind=ESCALATE_TIMER)
    timer_cancel(subject=issue, kind=DAILY_TIMER)


def _end_period(issue: Issue, now: datetime, outcome: str | None = None) -> None:
    period = issue.periods.filter(ended_at__isnull=True).order_by("-started_at", "-id").first()
    if period is None:
        return
    period.ended_at = now
    if outcome is None:
        outcome = Outcome.MET if now <= period.due_at else Outcome.MISSED
    period.outcome = outcome
    period.save(update_fields=["ended_at", "outcome"])


def _start_period(issue: Issue, reason: str, *, automatic: bool = False) -> None:
    IssueLevelPeriod.objects.create(
        issue=issue,
        level=issue.level,
        handler=issue.handler,
        started_at=issue.level_started_at,
        due_at=issue.due_at,
        reason=reason,
        automatic=automatic,
    )


def _params(issue: Issue, actor: User | None, reason: str = "") -> dict[str, Any]:
    return {
        "number": issue.number,
        "title": issue.title,
        "collaboration": str(issue.collaboration),
        "level": issue.level,
        "due_at": local_text(issue.due_at),
        "actor": name_of(actor) or _("Concord"),
        "handler": name_of(issue.handler),
        "reason": reason,
    }


def involved(issue: Issue, *extra: User | None) -> list[User]:
    """Everyone involved: owner, handler, raiser, lead, heads of the departments involved."""
    people: list[User | None] = [issue.owner, issue.handler, issue.raised_by, *extra]
    people.append(lead_of(issue.collaboration) or issue.collaboration.initiator)
    people.extend(d.head for d in issue.departments.select_related("head") if d.head_id)
    return [u for u in people if u is not None]


def _tell(
    issue: Issue,
    kind: str,
    recipients: Iterable[User | None],
    *,
    actor: User | None,
    event: Event,
    reason: str = "",
) -> None:
    notify(
        recipients=[u for u in recipients if u is not None],
        kind=kind,
        subject=issue,
        params=_params(issue, actor, reason),
        url=issue.get_absolute_url(),
        actor=actor,
        event=event,
    )


def _record(
    issue: Issue, verb: str, actor: User | None, before: dict[str, Any], note: str = ""
) -> Event:
    return event_record(
        actor=actor,
        verb=verb,
        subject=issue,
        before=before,
        after=issue_snapshot(issue),
        scope=issue.collaboration,
        note=note,
    )


def _index(issue: Issue) -> None:
    """Put a resolved or closed issue in the knowledge search index (if the index exists)."""
    body = "\n".join(
        t
        for t in (
            issue.description,
            issue.phenomenon,
            issue.root_cause,
            issue.impact_business,
            issue.impact_customers,
            issue.impact_teams,
            issue.resolution,
        )
        if t
    )
    index_put(
        source=issue,
        collaboration=issue.collaboration,
        kind="issue",
        title=str(issue),
        body=body,
        url=issue.get_absolute_url(),
        when=issue.resolved_at,
    )


def _departments_of(collab: Collaboration, departments: Iterable[Department]) -> list[Department]:
    chosen = list(departments)
    allowed = set(collab.departments.values_list("department_id", flat=True))
    allowed.add(collab.department_id)
    if any(d.pk not in allowed for d in chosen):
        raise DomainError(
            _("Choose departments that take part in the collaboration."), field="departments"
        )
    return chosen


def people_of(collab: Collaboration) -> QuerySet[Any]:
    """Return who may own an issue or attend its meeting: the collaboration's stakeholders."""
    ids = {u.pk for u in stakeholders_of(collab)} | {collab.initiator_id}
    return (
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True)
        .select_related("person")
        .order_by("person__name", "username")
    )


def escalation_path_of(collab: Collaboration) -> list[Any]:
    """Return the collaboration's three levels (limit and handlers), for pages and the API."""
    return escalation_path(collab)


def _check_owner(collab: Collaboration, owner: User | None) -> User:
    if owner is None or not getattr(owner, "is_active", False):
        raise DomainError(_("Choose an active owner."), field="owner")
    if not people_of(collab).filter(pk=owner.pk).exists():
        raise DomainError(
            _("The owner must be on the team or speak for a participating department."),
            field="owner",
        )
    return owner


def _join(collab: Collaboration, *users: User) -> None:
    """The owner and the handler must be able to open the collaboration (no event of its own)."""
    for user in users:
        member_ensure(collaboration=collab, user=user)


def _check_due(due_at: datetime | None, now: datetime) -> datetime | None:
    if due_at is None:
        return None
    if timezone.is_naive(due_at):
        due_at = timezone.make_aware(due_at)
    if due_at <= now:
        raise DomainError(_("The deadline must be in the future."), field="due_at")
    return due_at


def _source_ok(collab: Collaboration, source: models.Model | None) -> None:
    if source is None:
        return
    if getattr(source, "collaboration_id", None) != collab.pk:
        raise DomainError(_("The source belongs to another collaboration."), field="source")


# ---------------------------------------------------------------- raise and edit


@transaction.atomic
def issue_raise(
    *,
    actor: User,
    collaboration: Collaboration,
    title: str,
    owner: User,
    description: str = "",
    phenomenon: str = "",
    root_cause: str = "",
    impact_business: str = "",
    impact_customers: str = "",
    impact_teams: str = "",
    departments: Iterable[Department] = (),
    level: int = 1,
    due_at: datetime | None = None,
    source: models.Model | None = None,
) -> Issue:
    """Raise an issue (填写《问题跟踪表》) at `level` (1 unless told), owned by `owner`.

    Its deadline is the level's time limit from now, unless `due_at` says
    otherwise. The owner and the level's handler are told.
    """
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    _require(access.may_raise(actor, collab))
    if level not in (1, 2, 3):
        raise DomainError(_("Choose level 1, 2 or 3."), field="level")
    _source_ok(collab, source)
    owner = _check_owner(collab, owner)
    now = timezone.now()
    custom_due = _check_due(due_at, now)
    limit = deadline_for(collab, level, now)
    if custom_due and custom_due > limit and not access.may_set_later_deadline(actor, collab):
        raise DomainError(
            _(
                "Level %(level)s issues are to be resolved by %(limit)s; only the project lead "
                "or the PMO may set a later deadline."
            )
            % {"level": level, "limit": local_text(limit)},
            field="due_at",
        )
    chosen = _departments_of(collab, departments)
    seq = (Issue.objects.filter(collaboration=collab).aggregate(m=models.Max("seq"))["m"] or 0) + 1
    issue = Issue(
        collaboration=collab,
        seq=seq,
        number=f"WT-{seq:02d}",
        title=_text(title, "title", required=True, limit=200),
        description=_text(description, "description"),
        phenomenon=_text(phenomenon, "phenomenon"),
        root_cause=_text(root_cause, "root_cause"),
        impact_business=_text(impact_business, "impact_business"),
        impact_customers=_text(impact_customers, "impact_customers"),
        impact_teams=_text(impact_teams, "impact_teams"),
        owner=owner,
        raised_by=actor,
        level=level,
        handler=handler_for(collab, level, owner),
        status=Status.OPEN if level == 1 else Status.ESCALATED,
        level_started_at=now,
        due_at=custom_due or limit,
        created_at=now,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=source.pk if source is not None else None,
    )
    issue.save()
    issue.departments.set(chosen)
    _join(collab, issue.owner, issue.handler)
    _start_period(issue, "")
    _arm(issue)
    timer_schedule(kind=DAILY_TIMER, subject=issue, due_at=next_reminder_at(now))
    event = _record(issue, "issue.raised", actor, {})
    _tell(issue, kinds.RAISED, [issue.owner, issue.handler], actor=actor, event=event)
    return issue


EDITABLE = (
    "title",
    "description",
    "phenomenon",
    "root_cause",
    "impact_business",
    "impact_customers",
    "impact_teams",
)


@transaction.atomic
def issue_edit(
    *,
    actor: User,
    issue: Issue,
    departments: Iterable[Department] | None = None,
    owner: User | None = None,
    **fields: str,
) -> Issue:
    """Edit the issue's description, phenomenon/root cause, impact, departments or owner."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_update(actor, locked))
    _require_active(locked)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise DomainError(_("Unknown field."), field=sorted(unknown)[0])
    before = issue_snapshot(locked)
    for name, value in fields.items():
        limit = 200 if name == "title" else TEXT_LIMIT
        setattr(locked, name, _text(value, name, required=name == "title", limit=limit))
    if owner is not None and owner.pk != locked.owner_id:
        locked.owner = _check_owner(locked.collaboration, owner)
        _join(locked.collaboration, locked.owner)
        if locked.level == 1 and not getattr(level_row(locked.collaboration, 1), "handlers", []):
            locked.handler = locked.owner
            locked.periods.filter(ended_at__isnull=True).update(handler=locked.owner)
    locked.save()
    if departments is not None:
        locked.departments.set(_departments_of(locked.collaboration, departments))
    _record(locked, "issue.edited", actor, before)
    return locked


@transaction.atomic
def issue_update_post(*, actor: User, issue: Issue, body: str) -> IssueUpdate:
    """Post a status update (每日同步更新状态); an open issue becomes in progress."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_update(actor, locked))
    _require_active(locked)
    text = _text(body, "body", required=True)
    before = issue_snapshot(locked)
    if locked.status == Status.OPEN:
        locked.status = Status.IN_PROGRESS
        locked.save(update_fields=["status", "updated_at"])
    update = IssueUpdate.objects.create(issue=locked, author=actor, body=text, status=locked.status)
    _record(locked, "issue.updated", actor, before, note=text[:500])
    return update


# ---------------------------------------------------------------- escalation


def _move_level(
    issue: Issue,
    *,
    level: int,
    now: datetime,
    reason: str,
    ending: str | None,
    automatic: bool = False,
) -> None:
    _end_period(issue, now, ending)
    issue.level = level
    issue.handler = handler_for(issue.collaboration, level, issue.owner)
    issue.level_started_at = now
    issue.due_at = deadline_for(issue.collaboration, level, now)
    issue.version += 1
    issue.pmo_flagged_at = None
    issue.status = Status.ESCALATED if level > 1 else Status.IN_PROGRESS
    issue.save()
    _join(issue.collaboration, issue.handler)
    _start_period(issue, reason, automatic=automatic)
    _arm(issue)


@transaction.atomic
def issue_escalate(*, actor: User, issue: Issue, reason: str) -> Issue:
    """Escalate by hand to the next level, with a reason; a new deadline starts."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_escalate(actor, locked))
    _require_active(locked)
    if locked.level >= 3:
        raise DomainError(_("A level-3 issue cannot be escalated further."), code="conflict")
    text = _text(reason, "reason", required=True)
    before = issue_snapshot(locked)
    previous = locked.handler
    now = timezone.now()
    ending = Outcome.MISSED if now > locked.due_at else Outcome.ESCALATED
    _move_level(locked, level=locked.level + 1, now=now, reason=text, ending=ending)
    event = _record(locked, "issue.escalated", actor, before, note=text)
    _tell(
        locked, kinds.ESCALATED, involved(locked, previous), actor=actor, event=event, reason=text
    )
    return locked


def issue_escalate_due(*, issue_id: int, level: int, version: int) -> Issue | None:
    """The timer's work: escalate an issue whose level's time ran out (超时自动升级).

    Runs in the sweep's transaction. Does nothing if the issue has since
    moved (another level or version), been resolved or closed. A level-3
    issue is flagged to the PMO instead (it has nowhere further to go).
    """
    with transaction.atomic():
        locked = Issue.objects.select_for_update().filter(pk=issue_id).first()
        if locked is None:
            return None
        locked.collaboration = Collaboration.objects.get(pk=locked.collaboration_id)
        if (
            locked.status not in ACTIVE
            or locked.level != level
            or locked.version != version
            or not access.is_under_way(locked.collaboration)
        ):
            return None
        before = issue_snapshot(locked)
        if locked.level >= 3:
            if locked.pmo_flagged_at is not None:
                return None
            locked.pmo_flagged_at = timezone.now()
            locked.save(update_fields=["pmo_flagged_at", "updated_at"])
            # The stint goes on (the sponsor still decides); its deadline is missed.
            locked.periods.filter(ended_at__isnull=True).update(outcome=Outcome.MISSED)
            event = _record(locked, "issue.flagged", None, before)
            pmo = [
                p.user
                for p in Person.objects.filter(is_pmo=True, user__is_active=True).select_related(
                    "user"
                )
            ]
            _tell(locked, kinds.PMO_FLAGGED, pmo, actor=None, event=event)
            return locked
        previous = locked.handler
        reason = AUTO_REASON
        _move_level(
            locked,
            level=locked.level + 1,
            now=timezone.now(),
            reason=reason,
            ending=Outcome.MISSED,
            automatic=True,
        )
        event = _record(locked, "issue.escalated", None, before, note=reason)
        _tell(locked, kinds.AUTO_ESCALATED, involved(locked, previous), actor=None, event=event)
        return locked


@transaction.atomic
def issue_deescalate(*, actor: User, issue: Issue, reason: str) -> Issue:
    """Bring the issue back one level (the current handler or the PMO), with a new deadline."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_deescalate(actor, locked))
    _require_active(locked)
    if locked.level <= 1:
        raise DomainError(_("The issue is already at level 1."), code="conflict")
    text = _text(reason, "reason", required=True)
    before = issue_snapshot(locked)
    previous = locked.handler
    _move_level(
        locked,
        level=locked.level - 1,
        now=timezone.now(),
        reason=text,
        ending=Outcome.DEESCALATED,
    )
    event = _record(locked, "issue.deescalated", actor, before, note=text)
    _tell(
        locked,
        kinds.DEESCALATED,
        involved(locked, previous),
        actor=actor,
        event=event,
        reason=text,
    )
    return locked


@transaction.atomic
def issue_redate(*, actor: User, issue: Issue, due_at: datetime, reason: str = "") -> Issue:
    """Change the resolution deadline (解决时限): the escalation timer is re-armed for it."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_redate(actor, locked))
    _require_active(locked)
    now = timezone.now()
    new_due = _check_due(due_at, now)
    assert new_due is not None
    text = _text(reason, "reason")
    before = issue_snapshot(locked)
    _end_period(locked, now, Outcome.REDATED)
    locked.due_at = new_due
    locked.level_started_at = now
    locked.version += 1
    locked.pmo_flagged_at = None
    locked.save()
    _start_period(locked, text)
    _arm(locked)
    event = _record(locked, "issue.redated", actor, before, note=text)
    _tell(
        locked, kinds.REDATED, [locked.owner, locked.handler], actor=actor, event=event, reason=text
    )
    return locked


# ---------------------------------------------------------------- resolution


@transaction.atomic
def issue_resolve(
    *, actor: User, issue: Issue, resolution: str, root_cause: str | None = None
) -> Issue:
    """Resolve the issue (owner or handler): its timers stop; the confirmers are asked."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_resolve(actor, locked))
    _require_active(locked)
    before = issue_snapshot(locked)
    now = timezone.now()
    locked.resolution = _text(resolution, "resolution", required=True)
    if root_cause is not None and root_cause.strip():
        locked.root_cause = _text(root_cause, "root_cause")
    locked.status = Status.RESOLVED
    locked.resolved_by = actor
    locked.resolved_at = now
    locked.save()
    _end_period(locked, now)
    _disarm(locked)
    _index(locked)
    event = _record(locked, "issue.resolved", actor, before, note=locked.resolution[:500])
    lead = lead_of(locked.collaboration) or locked.collaboration.initiator
    _tell(
        locked, kinds.RESOLVED, [locked.raised_by, lead, locked.handler], actor=actor, event=event
    )
    return locked


@transaction.atomic
def issue_close(*, actor: User, issue: Issue, note: str = "") -> Issue:
    """Confirm the resolution and close the issue (the raiser, the lead or the handler)."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_confirm(actor, locked))
    if locked.status != Status.RESOLVED:
        raise DomainError(_("Only a resolved issue can be closed."), code="conflict")
    before = issue_snapshot(locked)
    locked.status = Status.CLOSED
    locked.confirmed_by = actor
    locked.closed_at = timezone.now()
    locked.save()
    _disarm(locked)
    _index(locked)
    text = _text(note, "note")
    event = _record(locked, "issue.closed", actor, before, note=text)
    _tell(
        locked,
        kinds.CLOSED,
        [locked.owner, locked.handler, locked.resolved_by],
        actor=actor,
        event=event,
    )
    return locked


@transaction.atomic
def issue_reopen(*, actor: User, issue: Issue, reason: str) -> Issue:
    """Refuse the resolution: the issue is in progress again at its level, with a new deadline."""
    locked = _lock(issue)
    access.require_under_way(locked.collaboration)
    _require(access.may_confirm(actor, locked))
    if locked.status != Status.RESOLVED:
        raise DomainError(_("Only a resolved issue can be reopened."), code="conflict")
    text = _text(reason, "reason", required=True)
    before = issue_snapshot(locked)
    now = timezone.now()
    locked.status = Status.IN_PROGRESS if locked.level == 1 else Status.ESCALATED
    locked.resolved_at = None
    locked.resolved_by = None
    locked.level_started_at = now
    locked.due_at = deadline_for(locked.collaboration, locked.level, now)
    locked.version += 1
    locked.save()
    _start_period(locked, text)
    _arm(locked)
    timer_schedule(kind=DAILY_TIMER, subject=locked, due_at=next_reminder_at(now))
    event = _record(locked, "issue.reopened", actor, before, note=text)
    _tell(
        locked,
        kinds.REOPENED,
        [locked.owner, locked.handler],
        actor=actor,
        event=event,
        reason=text,
    )
    return locked


# ---------------------------------------------------------------- daily reminder


def issue_daily_remind(*, issue_id: int) -> None:
    """The daily timer's work: remind the owner unless they posted today; re-arm for tomorrow."""
    with transaction.atomic():
        locked = Issue.objects.select_for_update().filter(pk=issue_id).first()
        if locked is None or locked.status not in ACTIVE:
            return
        locked.collaboration = Collaboration.objects.get(pk=locked.collaboration_id)
        now = timezone.now()
        today = timezone.localdate(now)
        start = timezone.make_aware(datetime.combine(today, time.min))
        posted = locked.updates.filter(created_at__gte=start).exists()
        if (
            access.is_under_way(locked.collaboration)
            and workcal.is_working_day(today)
            and not posted
        ):
            notify(
                recipients=[locked.owner],
                kind=kinds.UPDATE_REMINDER,
                subject=locked,
                params=_params(locked, None),
                url=locked.get_absolute_url(),
            )
        timer_cancel(subject=locked, kind=DAILY_TIMER)
        timer_schedule(
            kind=DAILY_TIMER, subject=locked, due_at=next_reminder_at(now + timedelta(minutes=1))
        )
