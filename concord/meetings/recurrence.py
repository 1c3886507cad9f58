"""Recurring meetings from the communication plan's rows (RFC 5545 RRULE).

`series_create` makes a `Series` from a plan row; `series_extend` makes its
occurrences up to `CONCORD_MEETING_SERIES_HORIZON_WEEKS` ahead, idempotently
(one meeting per series and original start, a unique constraint), and sets
a daily timer to extend it again. `series_split` changes a series from one
occurrence on: the old series ends (UNTIL) before it, its untouched later
occurrences go, and a new series starts with the change.
"""

from datetime import datetime, time, timedelta
from typing import Any

from dateutil import rrule as du_rrule
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations import lifecycle
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.communication.models import CommItem
from concord.lib.errors import DomainError
from concord.timers.services import timer_cancel, timer_schedule

from . import access, conf, kinds
from .models import Kind, Meeting, Series, Status
from .services import _check_user, _tell, meeting_schedule

User = Any

EXTEND_TIMER = "meetings.series_extend"
DEFAULT_TIME = time(10, 0)


def _invalid(message: str, field: str) -> DomainError:
    return DomainError(message, code="invalid", field=field)


def parse_rule(text: str, dtstart: datetime) -> du_rrule.rrule:
    """Parse an RRULE (with or without `RRULE:`) from `dtstart`; invalid → DomainError."""
    body = (text or "").strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise _invalid(_("Give a recurrence rule such as FREQ=WEEKLY;BYDAY=FR."), "rrule")
    try:
        rule = du_rrule.rrulestr(body, dtstart=timezone.localtime(dtstart))
    except (ValueError, TypeError):
        raise _invalid(_("This is not a valid recurrence rule."), "rrule") from None
    if not isinstance(rule, du_rrule.rrule):
        raise _invalid(_("This is not a valid recurrence rule."), "rrule")
    return rule


def occurrences(series: Series, until: datetime) -> list[datetime]:
    """Starts of the series' occurrences from its first up to `until` (and its own end)."""
    rule = parse_rule(series.rrule, series.dtstart)
    end = min(until, series.until) if series.until else until
    return list(rule.between(timezone.localtime(series.dtstart), end, inc=True))


def _kind_for(rule_text: str) -> str:
    upper = rule_text.upper()
    if "FREQ=DAILY" in upper:
        return Kind.STANDUP
    if "FREQ=WEEKLY" in upper:
        return Kind.WEEKLY
    return Kind.COORDINATION


def _default_length(kind: str) -> int:
    return {Kind.STANDUP: 15, Kind.WEEKLY: 30}.get(kind, 60)  # type: ignore[call-overload]


def _first_start(rule_text: str) -> datetime:
    """Tomorrow at the rule's hour (BYHOUR/BYMINUTE) or 10:00, local time."""
    upper = rule_text.upper()
    hour, minute = DEFAULT_TIME.hour, DEFAULT_TIME.minute
    for part in upper.replace("RRULE:", "").split(";"):
        key, _sep, value = part.partition("=")
        if key == "BYHOUR" and value.split(",")[0].isdigit():
            hour = int(value.split(",")[0]) % 24
        if key == "BYMINUTE" and value.split(",")[0].isdigit():
            minute = int(value.split(",")[0]) % 60
    day = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def describe(series: Series) -> str:
    """The rule in words ("Weekly on Fri at 15:00"), for pages; the RRULE when it is unusual."""
    parts = dict(
        part.partition("=")[::2] for part in series.rrule.upper().split(";") if "=" in part
    )
    freq, days = parts.get("FREQ", ""), [d for d in parts.get("BYDAY", "").split(",") if d]
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or any(d not in _WEEKDAYS for d in days):
        return series.rrule
    when = {
        "n": int(interval),
        "days": ", ".join(str(WEEKDAYS_ABBR[_WEEKDAYS.index(d)]) for d in days),
        "time": timezone.localtime(series.dtstart).strftime("%H:%M"),
    }
    once = when["n"] == 1
    if freq == "DAILY" and not days:
        text = _("Daily at %(time)s") if once else _("Every %(n)s days at %(time)s")
    elif freq == "WEEKLY" and days:
        text = (
            _("Weekly on %(days)s at %(time)s")
            if once
            else _("Every %(n)s weeks on %(days)s at %(time)s")
        )
    else:
        return series.rrule
    return text % when


def series_create(
    *,
    actor: User,
    comm_item: CommItem,
    kind: str | None = None,
    title: str = "",
    dtstart: datetime | None = None,
    duration_minutes: int | None = None,
    host: User | None = None,
    note_taker: User | None = None,
    place: str = "",
) -> Series:
    """Make the recurring meeting of a communication plan row and its first occurrences."""
    with transaction.atomic():
        collab = Collaboration.objects.select_for_update().get(pk=comm_item.plan.collaboration_id)
        access.require_under_way(collab)
        if not access.may_schedule(actor, collab):
            raise access.forbidden()
        if Series.objects.filter(comm_item=comm_item, until__isnull=True).exists():
            raise DomainError(
                _("This plan row already has a recurring meeting."),
                code="conflict",
                field="comm_item",
            )
        kind = kind or _kind_for(comm_item.rrule)
        if kind not in Kind.values:
            raise _invalid(_("Choose a kind of meeting."), "kind")
        dtstart = dtstart or _first_start(comm_item.rrule)
        parse_rule(comm_item.rrule, dtstart)
        lead = lead_of(collab)
        host = host or comm_item.owner or lead or collab.initiator
        note_taker = note_taker or host
        _check_user(host, "host")
        _check_user(note_taker, "note_taker")
        length = duration_minutes or _default_length(kind)
        series = Series.objects.create(
            collaboration=collab,
            comm_item=comm_item,
            kind=kind,
            title=(title or comm_item.topic)[:200],
            rrule=comm_item.rrule.strip().removeprefix("RRULE:"),
            dtstart=dtstart,
            duration_minutes=length,
            place=place or "",
            host=host,
            note_taker=note_taker,
        )
        people = set(comm_item.people.values_list("pk", flat=True))
        for pd_head in comm_item.departments.select_related("head"):
            if pd_head.head_id:
                people.add(pd_head.head_id)
        series.attendees.set(people)
        event = event_record(
            actor=actor,
            verb="meeting_series.created",
            subject=series,
            after={
                "rrule": series.rrule,
                "dtstart": dtstart,
                "comm_item": comm_item.pk,
                "kind": kind,
            },
            scope=collab,
        )
        made = series_extend(series=series)
        if made:
            # One invitation for the series (its first meeting), not one per occurrence.
            first = made[0]
            invitees = [a.user for a in first.attendees.select_related("user")]
            _tell(invitees, kinds.INVITED, first, actor, event)
        return series


def series_from_plan(*, actor: User, collaboration: Collaboration) -> list[Series]:
    """Make the recurring meetings of every plan row with a rule that has none yet."""
    made = []
    with transaction.atomic():
        items = CommItem.objects.filter(plan__collaboration=collaboration).exclude(rrule="")
        for item in items.select_related("plan", "owner"):
            if Series.objects.filter(comm_item=item, until__isnull=True).exists():
                continue
            made.append(series_create(actor=actor, comm_item=item))
    return made


def series_extend(*, series: Series, now: datetime | None = None) -> list[Meeting]:
    """Make the occurrences up to the horizon that do not exist yet; extend again tomorrow."""
    now = now or timezone.now()
    weeks = int(conf.get("CONCORD_MEETING_SERIES_HORIZON_WEEKS"))
    made: list[Meeting] = []
    with transaction.atomic():
        series = (
            Series.objects.select_for_update()
            .select_related("collaboration", "host", "note_taker")
            .get(pk=series.pk)
        )
        collab = series.collaboration
        timer_cancel(subject=series, kind=EXTEND_TIMER)
        if collab.state not in lifecycle.ACTIVE:
            return made
        have = set(series.meetings.values_list("series_start", flat=True))
        attendees = list(
            series.attendees.filter(is_active=True).select_related("person__department")
        )
        starts = occurrences(series, now + timedelta(weeks=weeks))
        for start in starts:
            if start < now or start in have:
                continue
            try:
                with transaction.atomic():
                    made.append(
                        meeting_schedule(
                            actor=None,
                            collaboration=collab,
                            kind=series.kind,
                            title=series.title,
                            starts_at=start,
                            duration_minutes=series.duration_minutes,
                            host=series.host,
                            note_taker=series.note_taker,
                            attendees=attendees,
                            place=series.place,
                            series=series,
                            series_start=start,
                            notify_attendees=False,
                        )
                    )
            except IntegrityError:  # made meanwhile by another sweep
                continue
        if made:
            event_record(
                actor=None,
                verb="meeting_series.extended",
                subject=series,
                after={"meetings": [m.pk for m in made]},
                scope=collab,
            )
        # Keep going while the rule has occurrences ahead.
        rule = parse_rule(series.rrule, series.dtstart)
        ahead = rule.after(timezone.localtime(now) + timedelta(weeks=weeks))
        if ahead is not None and (series.until is None or ahead <= series.until):
            timer_schedule(kind=EXTEND_TIMER, subject=series, due_at=now + timedelta(days=1))
    return made


def _untouched(meeting: Meeting) -> bool:
    return (
        meeting.status == Status.SCHEDULED
        and not meeting.decisions.exists()
        and not meeting.action_items.exists()
        and not meeting.materials.exists()
    )


_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def shift_rule(rule: str, new_start: datetime) -> str:
    """Move a rule's single weekday / day of month and its time to those of `new_start`.

    "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10" moved to a Tuesday 14:00 becomes
    "FREQ=WEEKLY;BYDAY=TU;BYHOUR=14;BYMINUTE=0"; a rule listing several
    days keeps them (only the time moves).
    """
    local = timezone.localtime(new_start)
    parts: dict[str, str] = {}
    for part in rule.strip().removeprefix("RRULE:").split(";"):
        key, sep, value = part.partition("=")
        if sep:
            parts[key.strip().upper()] = value.strip()
    freq = parts.get("FREQ", "")
    if freq == "WEEKLY" and "," not in parts.get("BYDAY", ","):
        parts["BYDAY"] = _WEEKDAYS[local.weekday()]
    if freq == "MONTHLY" and parts.get("BYMONTHDAY", ",").isdigit():
        parts["BYMONTHDAY"] = str(local.day)
    if "BYHOUR" in parts or "BYMINUTE" in parts:
        parts["BYHOUR"] = str(local.hour)
        parts["BYMINUTE"] = str(local.minute)
    return ";".join(f"{k}={v}" for k, v in parts.items())


def series_split(
    *,
    actor: User,
    meeting: Meeting,
    starts_at: datetime | None = None,
    duration_minutes: int | None = None,
    place: str | None = None,
    rrule: str | None = None,
) -> Series:
    """Change a recurring meeting from this occurrence on: end the old series, start a new one.

    `starts_at` is the new time of this occurrence (the rule runs on from it).
    """
    if meeting.series_id is None:
        raise DomainError(_("This meeting is not part of a recurring series."), code="conflict")
    with transaction.atomic():
        old = Series.objects.select_for_update().get(pk=meeting.series_id)
        meeting = Meeting.objects.select_related("collaboration").get(pk=meeting.pk)
        if not access.may_run(actor, meeting):
            raise access.forbidden()
        access.require_under_way(meeting.collaboration)
        pivot = meeting.series_start or meeting.starts_at
        new_start = starts_at or meeting.starts_at
        new_rule = (rrule or shift_rule(old.rrule, new_start)).strip().removeprefix("RRULE:")
        parse_rule(new_rule, new_start)
        length = duration_minutes or old.duration_minutes
        if length <= 0:
            raise _invalid(
                _("The planned length is a whole number of minutes."), "duration_minutes"
            )
        old.until = pivot - timedelta(seconds=1)
        old.save(update_fields=["until"])
        timer_cancel(subject=old, kind=EXTEND_TIMER)
        dropped = []
        for later in old.meetings.filter(series_start__gte=pivot):
            if _untouched(later):
                timer_cancel(subject=later)
                dropped.append(later.pk)
                later.delete()
        new = Series.objects.create(
            collaboration=old.collaboration,
            comm_item=old.comm_item,
            kind=old.kind,
            title=old.title,
            rrule=new_rule,
            dtstart=new_start,
            duration_minutes=length,
            place=old.place if place is None else place,
            host=old.host,
            note_taker=old.note_taker,
            previous=old,
        )
        new.attendees.set(old.attendees.all())
        event_record(
            actor=actor,
            verb="meeting_series.split",
            subject=new,
            before={"series": old.pk, "rrule": old.rrule, "duration_minutes": old.duration_minutes},
            after={
                "rrule": new_rule,
                "dtstart": new_start,
                "duration_minutes": length,
                "dropped": dropped,
            },
            scope=old.collaboration,
        )
        series_extend(series=new)
        return new


def series_end(*, actor: User, series: Series, now: datetime | None = None) -> Series:
    """Stop a recurring meeting from now on; held meetings and ones with content stay."""
    now = now or timezone.now()
    with transaction.atomic():
        series = (
            Series.objects.select_for_update().select_related("collaboration").get(pk=series.pk)
        )
        collab = series.collaboration
        if not access.may_schedule(actor, collab):
            raise access.forbidden()
        if series.until is not None and series.until <= now:
            raise DomainError(_("This recurring meeting has already ended."), code="conflict")
        series.until = now
        series.save(update_fields=["until"])
        timer_cancel(subject=series, kind=EXTEND_TIMER)
        dropped = []
        for later in series.meetings.filter(starts_at__gt=now):
            if _untouched(later):
                timer_cancel(subject=later)
                dropped.append(later.pk)
                later.delete()
        event_record(
            actor=actor,
            verb="meeting_series.ended",
            subject=series,
            after={"until": now, "dropped": dropped},
            scope=collab,
        )
        return series
