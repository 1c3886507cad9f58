"""Writes of meetings, their agenda, materials and minutes (会议与会议纪要).

Every function takes the acting person, runs in one transaction, locks what
it changes, checks the rule and the actor (see `access`), writes one event
scoped to the collaboration and raises only `DomainError`. `actor=None` is
the system (a timer, or another app acting on its own rules).

Rules chosen here:
- A meeting gets the guides' agenda (背景介绍 → 需求阐述 → 议题讨论 → 共识确认 →
  待办明确) unless one is given; a meeting asked for by something (an
  escalated issue) has that thing as an agenda item.
- Minutes are due `CONCORD_MEETING_MINUTES_DUE_HOURS` after the end: a timer
  reminds the note-taker before, another warns the host after; publishing
  cancels both, changing the time moves them.
- Publishing the minutes turns each action item into a task once (the task
  is kept on the item), tells the attendees, and opens a window to confirm
  or object; an objection goes to the note-taker, who revises and publishes
  again (a new revision: the confirmations start over).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations.models import Collaboration
from concord.collaborations.team_services import member_ensure
from concord.knowledge.forms import t
from concord.knowledge.indexing import index_put, index_remove
from concord.lib import workcal
from concord.lib.errors import DomainError
from concord.notifications.services import notify
from concord.orgs.models import Department
from concord.timers.services import timer_cancel, timer_schedule

from . import access, conf, kinds
from .models import (
    ActionItem,
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    Kind,
    Material,
    Meeting,
    Status,
)

User = Any

REMIND_TIMER = "meetings.minutes_remind"
LATE_TIMER = "meetings.minutes_late"
CONFIRM_TIMER = "meetings.confirm_window"
CONFIRM_REMIND_TIMER = "meetings.confirm_remind"

#: Fields `meeting_update` changes.
UPDATABLE = frozenset(
    {
        "title",
        "starts_at",
        "duration_minutes",
        "place",
        "note",
        "host",
        "note_taker",
        "decision_maker",
    }
)


# --------------------------------------------------------------------- helpers


def _invalid(message: str | Promise, field: str) -> DomainError:
    return DomainError(message, code="invalid", field=field)


def name_of(user: User) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or user.get_username()


#: The guides' agenda (Chinese, English) with the weight of each item's time box.
_GUIDE_AGENDA = (
    (("背景介绍", "Background"), 10),
    (("需求阐述", "Requirements"), 15),
    (("议题讨论", "Discussion of the issues"), 30),
    (("共识确认", "Confirming the consensus"), 10),
    (("待办明确", "Agreeing the action items"), 10),
)


def default_agenda(duration_minutes: int = 75) -> list[dict[str, Any]]:
    """The guides' agenda order, worded as the guides word it, filling the planned length.

    The items are the guides' own terms, so they are (Chinese, English)
    pairs chosen by the active language like a standard form's wording. The
    time boxes share out the meeting's length in the guides' proportions (the
    discussion gets the rounding), so a default agenda never overruns it.
    """
    total = sum(weight for _label, weight in _GUIDE_AGENDA)
    boxes = [duration_minutes * weight // total for _label, weight in _GUIDE_AGENDA]
    boxes[2] += duration_minutes - sum(boxes)
    return [
        {"title": t(*label), "minutes": box}
        for (label, _weight), box in zip(_GUIDE_AGENDA, boxes, strict=True)
    ]


def _lock(meeting: Meeting) -> Meeting:
    locked = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("collaboration", "host__person", "note_taker__person")
        .filter(pk=meeting.pk)
        .first()
    )
    if locked is None:
        raise DomainError(_("Not found."), code="not_found")
    return locked


def _local_text(when: datetime) -> str:
    return date_format(timezone.localtime(when), "Y-m-d H:i")


def _params(meeting: Meeting, actor: User | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "collaboration": str(meeting.collaboration),
        "starts_at": _local_text(meeting.starts_at),
        "place": meeting.place or "—",
        "actor": name_of(actor),
        **extra,
    }


def _url(meeting: Meeting) -> str:
    try:
        return meeting.get_absolute_url()
    except Exception:  # the pages may not be mounted yet
        return ""


def _tell(
    recipients: list[Any], kind: str, meeting: Meeting, actor: User | None, event: Any, **extra: Any
) -> None:
    """Notify about the meeting: its title, time and place, with a link to its page."""
    notify(
        recipients=recipients,
        kind=kind,
        subject=meeting,
        params=_params(meeting, actor, **extra),
        url=_url(meeting),
        actor=actor,
        event=event,
    )


def _attendee_users(meeting: Meeting) -> list[Any]:
    return [a.user for a in meeting.attendees.select_related("user")]


def _people(meeting: Meeting) -> list[Any]:
    """Everyone the meeting concerns: attendees, host, note-taker, decision maker."""
    seen: dict[int, Any] = {}
    for user in [
        meeting.host,
        meeting.note_taker,
        meeting.decision_maker,
        *_attendee_users(meeting),
    ]:
        if user is not None and user.pk not in seen:
            seen[user.pk] = user
    return list(seen.values())


def _join_team(collab: Collaboration, users: list[Any]) -> list[int]:
    """Make invitees team members, so the meeting's page opens for them; return who joined.

    An escalation meeting invites people from outside the team (a VP deciding a
    level-3 issue); an invitation they cannot open would be worse than none.
    """
    return [u.pk for u in users if member_ensure(collaboration=collab, user=u)]


def _check_user(user: Any, field: str) -> None:
    if user is None or not getattr(user, "is_active", False):
        raise _invalid(_("Choose an active person."), field)


def _department_of(user: Any) -> Department | None:
    person = getattr(user, "person", None)
    return getattr(person, "department", None)


@dataclass
class _Invitee:
    user: Any
    department: Department | None
    role: str


def _invitees(
    attendees: list[Any], *, host: Any, note_taker: Any, decision_maker: Any
) -> list[_Invitee]:
    """Normalise attendees (users, or dicts with user/department/role); add the host and co."""
    out: dict[int, _Invitee] = {}
    for raw in attendees or []:
        user: Any
        if isinstance(raw, dict):
            user, department, role = raw.get("user"), raw.get("department"), raw.get("role", "")
        else:
            user, department, role = raw, None, ""
        _check_user(user, "attendees")
        if user.pk in out:
            continue
        out[user.pk] = _Invitee(user, department or _department_of(user), str(role or "")[:100])
    for user, role in (
        (host, t("主持人", "Host")),
        (note_taker, t("记录人", "Note-taker")),
        (decision_maker, t("决策人", "Decision maker")),
    ):
        if user is None:
            continue
        if user.pk in out:
            out[user.pk].role = out[user.pk].role or str(role)
        else:
            out[user.pk] = _Invitee(user, _department_of(user), str(role))
    return list(out.values())


def _clean_agenda(agenda: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(agenda):
        title = str(item.get("title") or "").strip()
        if not title:
            raise _invalid(_("Agenda item %(n)s has no title.") % {"n": i + 1}, "agenda")
        try:
            minutes = int(item.get("minutes") or 0)
        except (TypeError, ValueError):
            raise _invalid(_("A time box is a whole number of minutes."), "agenda") from None
        if minutes < 0 or minutes > 24 * 60:
            raise _invalid(_("A time box is a whole number of minutes."), "agenda")
        presenter = item.get("presenter")
        if presenter is not None:
            _check_user(presenter, "agenda")
        rows.append(
            {
                "title": title[:300],
                "minutes": minutes,
                "presenter": presenter,
                "source": item.get("source"),
            }
        )
    return rows


def _write_agenda(meeting: Meeting, rows: list[dict[str, Any]]) -> None:
    meeting.agenda.all().delete()
    items = []
    for i, row in enumerate(rows):
        item = AgendaItem(
            meeting=meeting,
            position=i,
            title=row["title"],
            minutes=row["minutes"],
            presenter=row["presenter"],
            key_points=row.get("key_points", ""),
        )
        if row.get("source") is not None:
            item.source = row["source"]
        items.append(item)
    AgendaItem.objects.bulk_create(items)


def _check_time(starts_at: Any, duration_minutes: Any) -> None:
    if not isinstance(starts_at, datetime):
        raise _invalid(_("Give the meeting's date and time."), "starts_at")
    if timezone.is_naive(starts_at):
        raise _invalid(_("Give the meeting's date and time."), "starts_at")
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int):
        raise _invalid(_("The planned length is a whole number of minutes."), "duration_minutes")
    if not 1 <= duration_minutes <= 24 * 60:
        raise _invalid(_("The planned length is a whole number of minutes."), "duration_minutes")


def minutes_due(meeting: Meeting) -> datetime:
    return meeting.ends_at + timedelta(hours=int(conf.get("CONCORD_MEETING_MINUTES_DUE_HOURS")))


def _schedule_minutes_timers(meeting: Meeting) -> None:
    """(Re)set the minutes' reminder and late warning from the meeting's end."""
    timer_cancel(subject=meeting, kind=REMIND_TIMER)
    timer_cancel(subject=meeting, kind=LATE_TIMER)
    due = minutes_due(meeting)
    meeting.minutes_due_at = due
    before = timedelta(hours=int(conf.get("CONCORD_MEETING_MINUTES_REMIND_HOURS")))
    payload = {"due_at": due.isoformat()}
    timer_schedule(
        kind=REMIND_TIMER,
        subject=meeting,
        due_at=max(due - before, meeting.ends_at),
        payload=payload,
    )
    timer_schedule(kind=LATE_TIMER, subject=meeting, due_at=due, payload=payload)


def _require_open(meeting: Meeting) -> None:
    if meeting.status == Status.CANCELLED:
        raise DomainError(_("The meeting was cancelled."), code="conflict")


def _require_run(actor: User, meeting: Meeting) -> None:
    if not access.may_run(actor, meeting):
        raise access.forbidden()


# -------------------------------------------------------------------- schedule


def meeting_schedule(
    *,
    actor: User,
    collaboration: Collaboration,
    kind: str,
    title: str,
    starts_at: datetime,
    duration_minutes: int,
    host: User,
    note_taker: User,
    attendees: list[Any],
    place: str = "",
    agenda: list[dict[str, Any]] | None = None,
    source: models.Model | None = None,
    decision_maker: User | None = None,
    note: str = "",
    series: Any = None,
    series_start: datetime | None = None,
    notify_attendees: bool = True,
) -> Meeting:
    """Schedule a meeting of the collaboration and invite its attendees.

    `attendees` are users or dicts `{"user", "department", "role"}`; the
    host, note-taker and decision maker attend too. `agenda` rows are
    `{"title", "presenter", "minutes"}`; without it the guides' agenda is
    used. `source` is what asked for the meeting (an escalated issue): it is
    linked and put first on the agenda.
    """
    with transaction.atomic():
        collab = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
        access.require_under_way(collab)
        # With a source, the source's app has checked the actor (e.g. the handler of an
        # escalated issue, who may be a director outside the team).
        if source is None and not access.may_schedule(actor, collab):
            raise access.forbidden()
        if kind not in Kind.values:
            raise _invalid(_("Choose a kind of meeting."), "kind")
        title = (title or "").strip()
        if not title:
            raise _invalid(_("This field is required."), "title")
        _check_time(starts_at, duration_minutes)
        _check_user(host, "host")
        _check_user(note_taker, "note_taker")
        if decision_maker is not None:
            _check_user(decision_maker, "decision_maker")
        rows = _clean_agenda(agenda if agenda is not None else default_agenda(duration_minutes))
        if source is not None:
            label = str(source)[:300]
            same = next((r for r in rows if r["title"] == label), None)
            if same is not None:
                same["source"] = source
            else:
                rows.insert(0, {"title": label, "minutes": 15, "presenter": None, "source": source})
        meeting = Meeting(
            collaboration=collab,
            kind=kind,
            title=title[:200],
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            place=(place or "")[:300],
            note=note or "",
            host=host,
            note_taker=note_taker,
            decision_maker=decision_maker,
            scheduled_by=actor if getattr(actor, "is_authenticated", False) else None,
            series=series,
            series_start=series_start,
        )
        if source is not None:
            meeting.source = source
        meeting.minutes_due_at = minutes_due(meeting)
        meeting.save()
        invitees = _invitees(
            attendees, host=host, note_taker=note_taker, decision_maker=decision_maker
        )
        Attendee.objects.bulk_create(
            Attendee(meeting=meeting, user=i.user, department=i.department, role=i.role)
            for i in invitees
        )
        joined = _join_team(collab, [i.user for i in invitees])
        _write_agenda(meeting, rows)
        _schedule_minutes_timers(meeting)
        meeting.save(update_fields=["minutes_due_at"])
        event = event_record(
            actor=actor,
            verb="meeting.scheduled",
            subject=meeting,
            after={
                "kind": kind,
                "title": meeting.title,
                "starts_at": starts_at,
                "duration_minutes": duration_minutes,
                "place": meeting.place,
                "host": host.pk,
                "note_taker": note_taker.pk,
                "attendees": [i.user.pk for i in invitees],
                "joined_team": joined,
                "source": f"{meeting.source_type_id}:{meeting.source_id}"
                if source is not None
                else "",
            },
            scope=collab,
        )
        if notify_attendees:
            _tell([i.user for i in invitees], kinds.INVITED, meeting, actor, event)
        return meeting


def meeting_update(*, actor: User, meeting: Meeting, **changes: Any) -> Meeting:
    """Change the meeting's time, place, length, title, host, note-taker or decision maker."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise _invalid(_("These fields cannot be changed here."), sorted(unknown)[0])
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        moved = any(
            name in changes and changes[name] != getattr(meeting, name)
            for name in ("starts_at", "duration_minutes")
        )
        if meeting.status == Status.PUBLISHED and moved:
            raise DomainError(
                _("The minutes are published; the meeting's time can no longer change."),
                code="conflict",
            )
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for name, value in changes.items():
            if name in ("host", "note_taker"):
                _check_user(value, name)
            if name == "decision_maker" and value is not None:
                _check_user(value, name)
            if name == "title":
                value = (value or "").strip()[:200]
                if not value:
                    raise _invalid(_("This field is required."), "title")
            if name in ("place", "note"):
                value = value or ""
            fk = name in ("host", "note_taker", "decision_maker")
            old = getattr(meeting, f"{name}_id" if fk else name)
            new = (value.pk if value is not None else None) if fk else value
            if old != new:
                before[name] = old
                after[name] = new
                setattr(meeting, name, value)
        _check_time(meeting.starts_at, meeting.duration_minutes)
        if not after:
            return meeting
        timing = bool({"starts_at", "duration_minutes"} & set(after))
        if timing:
            _schedule_minutes_timers(meeting)
        # A new host, note-taker or decision maker attends: they are invited, not told of a change.
        present = set(meeting.attendees.values_list("user_id", flat=True))
        newcomers = [
            i
            for i in _invitees(
                [],
                host=meeting.host,
                note_taker=meeting.note_taker,
                decision_maker=meeting.decision_maker,
            )
            if i.user.pk not in present
        ]
        if timing or "place" in after or newcomers:
            meeting.sequence += 1
        meeting.save()
        Attendee.objects.bulk_create(
            Attendee(meeting=meeting, user=i.user, department=i.department, role=i.role)
            for i in newcomers
        )
        _join_team(meeting.collaboration, [i.user for i in newcomers])
        added = [i.user.pk for i in newcomers]
        if added:
            after["attendees_added"] = added
        event = event_record(
            actor=actor,
            verb="meeting.changed",
            subject=meeting,
            before=before,
            after=after,
            scope=meeting.collaboration,
        )
        if timing or "place" in after:
            _tell(
                [u for u in _attendee_users(meeting) if u.pk not in added],
                kinds.CHANGED,
                meeting,
                actor,
                event,
            )
        if newcomers:
            _tell([i.user for i in newcomers], kinds.INVITED, meeting, actor, event)
        return meeting


def meeting_cancel(*, actor: User, meeting: Meeting, reason: str = "") -> Meeting:
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        if meeting.status == Status.PUBLISHED:
            raise DomainError(
                _("A meeting with published minutes cannot be cancelled."), code="conflict"
            )
        meeting.status = Status.CANCELLED
        meeting.cancelled_reason = reason or ""
        meeting.sequence += 1
        meeting.save(update_fields=["status", "cancelled_reason", "sequence", "updated_at"])
        timer_cancel(subject=meeting)
        event = event_record(
            actor=actor,
            verb="meeting.cancelled",
            subject=meeting,
            before={"status": Status.SCHEDULED},
            after={"status": Status.CANCELLED},
            scope=meeting.collaboration,
            note=reason or "",
        )
        _tell(_attendee_users(meeting), kinds.CANCELLED, meeting, actor, event, text=reason or "—")
        return meeting


def agenda_set(*, actor: User, meeting: Meeting, items: list[dict[str, Any]]) -> Meeting:
    """Replace the agenda (rows `{"title", "presenter", "minutes"}`); kept titles keep notes."""
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        rows = _clean_agenda(items)
        old = list(meeting.agenda.all())
        kept = {item.title: item for item in old}
        for row in rows:
            prior = kept.get(row["title"])
            if prior is not None:
                row["key_points"] = prior.key_points
                if row.get("source") is None and prior.source_id is not None:
                    row["source"] = prior.source
        _write_agenda(meeting, rows)
        event_record(
            actor=actor,
            verb="meeting.agenda_changed",
            subject=meeting,
            before={"agenda": [[i.title, i.minutes] for i in old]},
            after={"agenda": [[r["title"], r["minutes"]] for r in rows]},
            scope=meeting.collaboration,
        )
        return meeting


def attendee_add(
    *,
    actor: User,
    meeting: Meeting,
    user: User,
    department: Department | None = None,
    role: str = "",
) -> Attendee:
    """Invite one more person (speaking for `department`, in `role`)."""
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        _check_user(user, "user")
        if meeting.attendees.filter(user=user).exists():
            raise DomainError(_("This person is already invited."), code="conflict", field="user")
        row = Attendee.objects.create(
            meeting=meeting,
            user=user,
            department=department or _department_of(user),
            role=(role or "")[:100],
        )
        joined = _join_team(meeting.collaboration, [user])
        event = event_record(
            actor=actor,
            verb="meeting.attendee_added",
            subject=meeting,
            after={
                "user": user.pk,
                "department": row.department_id,
                "role": row.role,
                "joined_team": joined,
            },
            scope=meeting.collaboration,
        )
        meeting.sequence += 1
        meeting.save(update_fields=["sequence", "updated_at"])
        _tell([user], kinds.INVITED, meeting, actor, event)
        return row


def attendee_remove(*, actor: User, meeting: Meeting, user: User) -> None:
    """Take someone off the list; the host, note-taker and decision maker stay."""
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        if user.pk in (meeting.host_id, meeting.note_taker_id, meeting.decision_maker_id):
            raise DomainError(
                _("The host, the note-taker and the decision maker attend."), code="conflict"
            )
        row = meeting.attendees.filter(user=user).first()
        if row is None:
            raise DomainError(_("Not found."), code="not_found")
        row.delete()
        meeting.sequence += 1
        meeting.save(update_fields=["sequence", "updated_at"])
        event_record(
            actor=actor,
            verb="meeting.attendee_removed",
            subject=meeting,
            before={"user": user.pk},
            scope=meeting.collaboration,
        )


# -------------------------------------------------------------------- materials


def material_add(*, actor: User, meeting: Meeting, file: UploadedFile) -> Material:
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        size = int(getattr(file, "size", 0) or 0)
        limit = int(conf.get("CONCORD_MEETING_MAX_MATERIAL_BYTES"))
        if size <= 0:
            raise _invalid(_("The file is empty."), "file")
        if size > limit:
            raise _invalid(
                _("%(name)s is larger than %(limit)s MB.")
                % {"name": file.name, "limit": limit // (1024 * 1024)},
                "file",
            )
        material = Material(
            meeting=meeting,
            name=(file.name or "file")[:255],
            size=size,
            content_type=(getattr(file, "content_type", "") or "")[:100],
            uploaded_by=actor,
        )
        material.file.save(_stored_name(file.name or "file"), file, save=False)
        material.save()
        event_record(
            actor=actor,
            verb="meeting.material_added",
            subject=meeting,
            after={"material": material.pk, "name": material.name, "size": size},
            scope=meeting.collaboration,
        )
        return material


def _stored_name(name: str) -> str:
    import uuid
    from pathlib import PurePath

    suffix = PurePath(name).suffix[:16]
    return f"{uuid.uuid4().hex}{suffix}"


def material_remove(*, actor: User, material: Material) -> None:
    with transaction.atomic():
        meeting = _lock(material.meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        row = Material.objects.filter(pk=material.pk, meeting=meeting).first()
        if row is None:
            raise DomainError(_("Not found."), code="not_found")
        name = row.name
        storage, path = row.file.storage, row.file.name
        row.delete()
        transaction.on_commit(lambda: storage.delete(path) if path else None)
        event_record(
            actor=actor,
            verb="meeting.material_removed",
            subject=meeting,
            before={"material": material.pk, "name": name},
            scope=meeting.collaboration,
        )


def materials_send(*, actor: User, meeting: Meeting) -> Meeting:
    """Send the materials to the attendees (a notification with the meeting's link)."""
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        count = meeting.materials.count()
        if count == 0:
            raise DomainError(_("Add the materials first."), code="conflict")
        before = meeting.materials_sent_at
        meeting.materials_sent_at = timezone.now()
        meeting.save(update_fields=["materials_sent_at", "updated_at"])
        event = event_record(
            actor=actor,
            verb="meeting.materials_sent",
            subject=meeting,
            before={"materials_sent_at": before},
            after={"materials_sent_at": meeting.materials_sent_at, "count": count},
            scope=meeting.collaboration,
        )
        _tell(_attendee_users(meeting), kinds.MATERIALS_SENT, meeting, actor, event, count=count)
        return meeting


# ---------------------------------------------------------------------- minutes


def _require_minutes_open(meeting: Meeting) -> None:
    _require_open(meeting)


def key_points_note(*, actor: User, item: AgendaItem, text: str) -> AgendaItem:
    with transaction.atomic():
        meeting = _lock(item.meeting)
        _require_minutes_open(meeting)
        _require_run(actor, meeting)
        row = AgendaItem.objects.select_for_update().filter(pk=item.pk, meeting=meeting).first()
        if row is None:
            raise DomainError(_("Not found."), code="not_found")
        before = row.key_points
        row.key_points = text or ""
        row.save(update_fields=["key_points"])
        event_record(
            actor=actor,
            verb="meeting.key_points_noted",
            subject=meeting,
            before={"item": row.pk, "key_points": before},
            after={"item": row.pk, "key_points": row.key_points},
            scope=meeting.collaboration,
        )
        return row


def disagreements_note(*, actor: User, meeting: Meeting, text: str) -> Meeting:
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_minutes_open(meeting)
        _require_run(actor, meeting)
        before = meeting.disagreements
        meeting.disagreements = text or ""
        meeting.save(update_fields=["disagreements", "updated_at"])
        event_record(
            actor=actor,
            verb="meeting.disagreements_noted",
            subject=meeting,
            before={"disagreements": before},
            after={"disagreements": meeting.disagreements},
            scope=meeting.collaboration,
        )
        return meeting


def decision_add(
    *, actor: User, meeting: Meeting, text: str, kind: str = DecisionKind.DECISION
) -> Decision:
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_minutes_open(meeting)
        _require_run(actor, meeting)
        text = (text or "").strip()
        if not text:
            raise _invalid(_("This field is required."), "text")
        if kind not in DecisionKind.values:
            raise _invalid(_("Choose decision or consensus."), "kind")
        decision = Decision.objects.create(
            meeting=meeting,
            collaboration=meeting.collaboration,
            kind=kind,
            text=text,
            created_by=actor,
        )
        event_record(
            actor=actor,
            verb="meeting.decision_added",
            subject=meeting,
            after={"decision": decision.pk, "kind": kind, "text": text},
            scope=meeting.collaboration,
        )
        return decision


def decision_remove(*, actor: User, decision: Decision) -> None:
    with transaction.atomic():
        meeting = _lock(decision.meeting)
        _require_minutes_open(meeting)
        _require_run(actor, meeting)
        row = Decision.objects.filter(pk=decision.pk, meeting=meeting).first()
        if row is None:
            raise DomainError(_("Not found."), code="not_found")
        index_remove(source=row)
        text = row.text
        row.delete()
        event_record(
            actor=actor,
            verb="meeting.decision_removed",
            subject=meeting,
            before={"decision": decision.pk, "text": text},
            scope=meeting.collaboration,
        )


def action_add(
    *,
    actor: User,
    meeting: Meeting,
    description: str,
    owner: User,
    due_on: date | None,
    deliverable: str = "",
) -> ActionItem:
    with transaction.atomic():
        meeting = _lock(meeting)
        _require_minutes_open(meeting)
        _require_run(actor, meeting)
        description = (description or "").strip()
        if not description:
            raise _invalid(_("This field is required."), "description")
        _check_user(owner, "owner")
        if not isinstance(due_on, date):
            raise _invalid(_("Give the due date."), "due_on")
        if due_on < timezone.localtime(meeting.starts_at).date():
            raise _invalid(_("An action item cannot be due before the meeting."), "due_on")
        item = ActionItem.objects.create(
            meeting=meeting,
            collaboration=meeting.collaboration,
            description=description[:300],
            owner=owner,
            due_on=due_on,
            deliverable=(deliverable or "")[:300],
            created_by=actor,
        )
        event_record(
            actor=actor,
            verb="meeting.action_added",
            subject=meeting,
            after={
                "action": item.pk,
                "description": item.description,
                "owner": owner.pk,
                "due_on": due_on,
                "deliverable": item.deliverable,
            },
            scope=meeting.collaboration,
        )
        return item


def action_remove(*, actor: User, item: ActionItem) -> None:
    with transaction.atomic():
        meeting = _lock(item.meeting)
        _require_minutes_open(meeting)
        _require_run(actor, meeting)
        row = ActionItem.objects.filter(pk=item.pk, meeting=meeting).first()
        if row is None:
            raise DomainError(_("Not found."), code="not_found")
        if row.task_id is not None:
            raise DomainError(
                _("This action item is already a task; change the task instead."), code="conflict"
            )
        text = row.description
        row.delete()
        event_record(
            actor=actor,
            verb="meeting.action_removed",
            subject=meeting,
            before={"action": item.pk, "description": text},
            scope=meeting.collaboration,
        )


def minutes_text(meeting: Meeting) -> str:
    """The minutes as plain text (for the knowledge index)."""
    lines = [meeting.title]
    for item in meeting.agenda.all():
        lines.append(f"{item.title}: {item.key_points}")
    for d in meeting.decisions.all():
        lines.append(d.text)
    if meeting.disagreements:
        lines.append(meeting.disagreements)
    for a in meeting.action_items.all():
        lines.append(f"{a.description} {a.deliverable}")
    return "\n".join(lines)


def _task_actor(actor: User, meeting: Meeting, department: Department) -> User:
    """Who creates an action item's task: the publisher when they may create it for the
    department, else the project lead, else the initiator (a note-taker need not manage tasks)."""
    from concord.collaborations.selectors import lead_of
    from concord.tasks import access as task_access

    collab = meeting.collaboration
    for candidate in (actor, lead_of(collab), collab.initiator):
        if candidate is not None and task_access.may_create(candidate, collab, department):
            return candidate
    raise DomainError(
        _("Nobody may create the tasks of this collaboration; name a project lead first."),
        code="conflict",
    )


def minutes_publish(*, actor: User, meeting: Meeting) -> Meeting:
    """Publish (or republish) the minutes: tasks from action items, notices, a confirm window."""
    from concord.tasks.services import task_create

    with transaction.atomic():
        meeting = _lock(meeting)
        _require_open(meeting)
        _require_run(actor, meeting)
        now = timezone.now()
        if meeting.starts_at > now:
            raise DomainError(_("The meeting has not started yet."), code="conflict")
        collab = meeting.collaboration
        items = list(
            ActionItem.objects.select_for_update().filter(meeting=meeting, task__isnull=True)
        )
        created: list[int] = []
        if items:
            for item in items:
                department = _department_of(item.owner) or collab.department
                creator = _task_actor(actor, meeting, department)
                task = task_create(
                    actor=creator,
                    collaboration=collab,
                    title=item.description,
                    owner=item.owner,
                    department=department,
                    due_on=item.due_on,
                    deliverable=item.deliverable,
                    description=_("From the minutes of %(title)s") % {"title": meeting.title},
                    source=item,
                )
                item.task = task
                item.save(update_fields=["task"])
                created.append(task.pk)
        before = {"status": meeting.status, "revision": meeting.minutes_revision}
        meeting.status = Status.PUBLISHED
        meeting.minutes_revision += 1
        meeting.minutes_published_at = now
        days = int(conf.get("CONCORD_MEETING_CONFIRM_WORKING_DAYS"))
        meeting.confirm_by = workcal.add_working_days(now, days)
        meeting.save()
        # A new revision: earlier confirmations and objections are about an older text.
        Attendee.objects.filter(meeting=meeting).update(
            confirmed_at=None, objection="", objected_at=None
        )
        # Whoever publishes the text stands by it: they are not asked to confirm it.
        Attendee.objects.filter(meeting=meeting, user=actor).update(confirmed_at=now)
        timer_cancel(subject=meeting, kind=REMIND_TIMER)
        timer_cancel(subject=meeting, kind=LATE_TIMER)
        timer_cancel(subject=meeting, kind=CONFIRM_TIMER)
        timer_cancel(subject=meeting, kind=CONFIRM_REMIND_TIMER)
        before_close = timedelta(hours=int(conf.get("CONCORD_MEETING_MINUTES_REMIND_HOURS")))
        timer_schedule(
            kind=CONFIRM_REMIND_TIMER,
            subject=meeting,
            due_at=max(meeting.confirm_by - before_close, now),
            payload={"revision": meeting.minutes_revision},
        )
        timer_schedule(
            kind=CONFIRM_TIMER,
            subject=meeting,
            due_at=meeting.confirm_by,
            payload={"revision": meeting.minutes_revision},
        )
        event = event_record(
            actor=actor,
            verb="meeting.minutes_published",
            subject=meeting,
            before=before,
            after={
                "status": meeting.status,
                "revision": meeting.minutes_revision,
                "tasks": created,
                "late": bool(meeting.minutes_due_at and now > meeting.minutes_due_at),
            },
            scope=collab,
        )
        url = _url(meeting)
        index_put(
            source=meeting,
            collaboration=collab,
            kind="minutes",
            title=meeting.title,
            body=minutes_text(meeting),
            url=url,
            when=meeting.starts_at,
        )
        for decision in meeting.decisions.all():
            index_put(
                source=decision,
                collaboration=collab,
                kind="decision",
                title=f"{meeting.title}: {decision.text[:80]}",
                body=decision.text,
                url=url + f"#decision-{decision.pk}",
                when=meeting.starts_at,
            )
        due_at = _local_text(meeting.confirm_by)
        _tell(
            _attendee_users(meeting), kinds.MINUTES_PUBLISHED, meeting, actor, event, due_at=due_at
        )
        return meeting


def _my_attendance(actor: User, meeting: Meeting) -> Attendee:
    """The actor's attendance, while the window to confirm or object is open."""
    row = Attendee.objects.select_for_update().filter(meeting=meeting, user=actor).first()
    if row is None or not getattr(actor, "is_active", False):
        raise access.forbidden()
    if meeting.status != Status.PUBLISHED:
        raise DomainError(_("The minutes are not published yet."), code="conflict")
    # The window's end records who confirmed; a later answer would change that record.
    if meeting.confirm_by and timezone.now() > meeting.confirm_by:
        raise DomainError(
            _("The window to confirm or object to these minutes has closed."), code="conflict"
        )
    return row


def minutes_confirm(*, actor: User, meeting: Meeting) -> Attendee:
    with transaction.atomic():
        meeting = _lock(meeting)
        row = _my_attendance(actor, meeting)
        if row.confirmed_at is not None:
            return row
        row.confirmed_at = timezone.now()
        row.confirmed_revision = meeting.minutes_revision
        row.objection, row.objected_at = "", None
        row.save(update_fields=["confirmed_at", "confirmed_revision", "objection", "objected_at"])
        event_record(
            actor=actor,
            verb="meeting.minutes_confirmed",
            subject=meeting,
            after={"revision": meeting.minutes_revision},
            scope=meeting.collaboration,
        )
        return row


def minutes_object(*, actor: User, meeting: Meeting, text: str) -> Attendee:
    with transaction.atomic():
        meeting = _lock(meeting)
        row = _my_attendance(actor, meeting)
        text = (text or "").strip()
        if not text:
            raise _invalid(_("Say what is wrong in the minutes."), "text")
        row.objection, row.objected_at = text, timezone.now()
        row.confirmed_at = None
        row.save(update_fields=["confirmed_at", "objection", "objected_at"])
        event = event_record(
            actor=actor,
            verb="meeting.minutes_objected",
            subject=meeting,
            after={"revision": meeting.minutes_revision, "objection": text},
            scope=meeting.collaboration,
        )
        _tell([meeting.note_taker], kinds.MINUTES_OBJECTION, meeting, actor, event, text=text)
        return row


# ---------------------------------------------------------------- timer work


def _same_instant(value: datetime, text: str) -> bool:
    try:
        return value == datetime.fromisoformat(text)
    except ValueError:
        return False


def _minutes_still_due(meeting: Meeting, due_at: str) -> Meeting | None:
    """Lock the meeting; return it if its minutes are still owed for `due_at` (else None).

    A timer armed for a deadline since moved, or minutes since published, is moot.
    """
    meeting = _lock(meeting)
    if meeting.status != Status.SCHEDULED or not meeting.minutes_due_at:
        return None
    if not _same_instant(meeting.minutes_due_at, due_at):
        return None
    return meeting


def _minutes_timer_event(meeting: Meeting, verb: str) -> Any:
    return event_record(
        actor=None,
        verb=verb,
        subject=meeting,
        after={"due_at": meeting.minutes_due_at},
        scope=meeting.collaboration,
    )


def minutes_remind(*, meeting: Meeting, due_at: str) -> None:
    """Remind the note-taker that the minutes are due (no-op once published or moved)."""
    with transaction.atomic():
        owed = _minutes_still_due(meeting, due_at)
        if owed is None:
            return
        event = _minutes_timer_event(owed, "meeting.minutes_reminded")
        when = _local_text(owed.minutes_due_at)  # type: ignore[arg-type]
        _tell([owed.note_taker], kinds.MINUTES_REMINDER, owed, None, event, due_at=when)


def minutes_warn_late(*, meeting: Meeting, due_at: str) -> None:
    """Warn the host that the minutes are late (no-op once published or moved)."""
    with transaction.atomic():
        owed = _minutes_still_due(meeting, due_at)
        if owed is None:
            return
        event = _minutes_timer_event(owed, "meeting.minutes_late")
        when = _local_text(owed.minutes_due_at)  # type: ignore[arg-type]
        note_taker = name_of(owed.note_taker)
        _tell([owed.host], kinds.MINUTES_LATE, owed, None, event, due_at=when, text=note_taker)


def confirm_remind(*, meeting: Meeting, revision: int) -> None:
    """Before the window closes, remind the attendees who neither confirmed nor objected."""
    with transaction.atomic():
        meeting = _lock(meeting)
        if meeting.status != Status.PUBLISHED or meeting.minutes_revision != revision:
            return
        silent = list(
            meeting.attendees.filter(confirmed_at__isnull=True, objection="").select_related("user")
        )
        if not silent or meeting.confirm_by is None:
            return
        event = event_record(
            actor=None,
            verb="meeting.confirm_reminded",
            subject=meeting,
            after={"revision": revision, "silent": [a.user_id for a in silent]},
            scope=meeting.collaboration,
        )
        _tell(
            [a.user for a in silent],
            kinds.CONFIRM_REMINDER,
            meeting,
            None,
            event,
            due_at=_local_text(meeting.confirm_by),
        )


def confirm_window_close(*, meeting: Meeting, revision: int) -> None:
    """At the end of the window, record who confirmed; nothing to do for an old revision."""
    with transaction.atomic():
        meeting = _lock(meeting)
        if meeting.status != Status.PUBLISHED or meeting.minutes_revision != revision:
            return
        rows = list(meeting.attendees.all())
        silent = [r.user_id for r in rows if r.confirmed_at is None and not r.objection]
        event_record(
            actor=None,
            verb="meeting.confirm_window_closed",
            subject=meeting,
            after={
                "revision": revision,
                "confirmed": [r.user_id for r in rows if r.confirmed_at],
                "silent": silent,
            },
            scope=meeting.collaboration,
        )
