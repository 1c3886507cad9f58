"""Reads of meetings: lists, warnings, the room page, the decision log."""

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import visible_to
from concord.lib import workcal
from concord.tasks.models import OPEN

from . import conf
from .models import ActionItem, AgendaItem, Attendee, Decision, Kind, Meeting, Status


def meetings_of(collab: Collaboration) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(collaboration=collab)
        .select_related("collaboration", "host__person", "note_taker__person")
        .order_by("-starts_at", "-id")
    )


def my_meetings(user: Any) -> QuerySet[Meeting]:
    """Meetings `user` attends in collaborations they may see, newest first."""
    return (
        Meeting.objects.filter(collaboration__in=visible_to(user), attendees__user=user)
        .exclude(status=Status.CANCELLED)
        .select_related("collaboration", "host__person", "note_taker__person")
        .order_by("-starts_at", "-id")
        .distinct()
    )


def minutes_owed(user: Any) -> list[Meeting]:
    """Meetings that have ended whose minutes `user` (the note-taker) has not published."""
    now = timezone.now()
    qs = (
        Meeting.objects.filter(
            collaboration__in=visible_to(user),
            note_taker=user,
            status=Status.SCHEDULED,
            starts_at__lt=now,
        )
        .select_related("collaboration", "host", "note_taker")
        .order_by("starts_at", "id")
    )
    return [m for m in qs[:50] if m.ends_at <= now]


def awaiting_my_confirmation(user: Any) -> list[Meeting]:
    """Published minutes `user` has neither confirmed nor objected to, window still open."""
    now = timezone.now()
    return list(
        Meeting.objects.filter(
            collaboration__in=visible_to(user),
            status=Status.PUBLISHED,
            confirm_by__gt=now,
            attendees__user=user,
            attendees__confirmed_at__isnull=True,
            attendees__objection="",
        )
        .select_related("collaboration", "host", "note_taker")
        .order_by("confirm_by", "id")[:50]
    )


def upcoming_for(user: Any) -> QuerySet[Meeting]:
    return (
        my_meetings(user)
        .filter(starts_at__gte=timezone.now() - timedelta(days=1), status=Status.SCHEDULED)
        .order_by("starts_at", "id")
    )


def minutes_overdue(meeting: Meeting, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return bool(
        meeting.status == Status.SCHEDULED
        and meeting.minutes_due_at is not None
        and now > meeting.minutes_due_at
    )


def section(collab: Collaboration) -> dict[str, Any]:
    """Upcoming meetings and minutes due, for the collaboration page (two queries)."""
    now = timezone.now()
    base = Meeting.objects.filter(collaboration=collab, status=Status.SCHEDULED).select_related(
        "note_taker__person"
    )
    # Upcoming: not ended yet (a meeting under way is still "upcoming" for the room link).
    upcoming = [
        m
        for m in base.filter(starts_at__gte=now - timedelta(days=1)).order_by("starts_at")[:10]
        if m.ends_at > now
    ][:5]
    due = [m for m in base.filter(starts_at__lt=now).order_by("starts_at")[:10] if m.ends_at <= now]
    has_kickoff = any(m.kind == Kind.KICKOFF for m in upcoming) or (
        Meeting.objects.filter(collaboration=collab, kind=Kind.KICKOFF)
        .exclude(status=Status.CANCELLED)
        .exists()
    )
    return {"upcoming": upcoming, "minutes_due": due, "has_kickoff": has_kickoff, "now": now}


def working_days_before(when: datetime, days: int) -> datetime:
    """The same time of day `days` working days before `when` (local time).

    A Monday 14:00 meeting with `days=1` gives Friday 14:00 (holidays and
    make-up working days follow the working calendar).
    """
    local = timezone.localtime(when)
    day = local.date()
    for _i in range(max(days, 0)):
        day = workcal.previous_working_day(day)
    return datetime.combine(day, local.time(), tzinfo=local.tzinfo)


def warnings(meeting: Meeting, now: datetime | None = None) -> list[str]:
    """What the guides warn about for this meeting (advice, not errors)."""
    now = now or timezone.now()
    out: list[str] = []
    if meeting.status == Status.CANCELLED:
        return out
    limit = conf.max_minutes(meeting.kind)
    if limit and meeting.duration_minutes > limit:
        out.append(
            _("The planned length (%(minutes)s min) exceeds %(limit)s minutes for a %(kind)s.")
            % {
                "minutes": meeting.duration_minutes,
                "limit": limit,
                "kind": meeting.get_kind_display(),
            }
        )
    planned = AgendaItem.objects.filter(meeting=meeting).aggregate(total=Sum("minutes"))["total"]
    if planned and planned > meeting.duration_minutes:
        out.append(
            _("The agenda (%(planned)s min) is longer than the meeting (%(minutes)s min).")
            % {"planned": planned, "minutes": meeting.duration_minutes}
        )
    if meeting.decision_maker_id is None and meeting.kind in conf.decision_maker_kinds():
        out.append(
            _("A %(kind)s should have a decision maker among its attendees.")
            % {"kind": meeting.get_kind_display()}
        )
    # A daily stand-up has no materials to send; every other kind is expected to.
    if meeting.status == Status.SCHEDULED and meeting.kind != Kind.STANDUP:
        lead = int(conf.get("CONCORD_MEETING_MATERIALS_WORKING_DAYS"))
        deadline = working_days_before(meeting.starts_at, lead)
        sent = _materials_sent(meeting)
        if sent is not None and sent > deadline:
            out.append(
                _("The materials were sent less than %(days)s working day(s) ahead.")
                % {"days": lead}
            )
        elif sent is None and deadline < now < meeting.starts_at:
            out.append(
                _("The materials have not been sent %(days)s working day(s) ahead.")
                % {"days": lead}
            )
    notice = _first_meeting_notice(meeting)
    if notice is not None:
        out.append(notice)
    return out


def _materials_sent(meeting: Meeting) -> datetime | None:
    """When the materials went out; None while one uploaded since has not been sent."""
    sent = meeting.materials_sent_at
    if sent is not None and meeting.materials.filter(uploaded_at__gt=sent).exists():
        return None
    return sent


def _first_meeting_notice(meeting: Meeting) -> str | None:
    collab = meeting.collaboration
    if str(collab.kind) != "coordination":
        return None
    first = (
        Meeting.objects.filter(collaboration=collab)
        .exclude(status=Status.CANCELLED)
        .order_by("starts_at", "id")
        .values_list("pk", flat=True)
        .first()
    )
    if first != meeting.pk:
        return None
    others = meeting.attendees.exclude(department_id=collab.department_id).exclude(
        department__isnull=True
    )
    if not others.exists():
        return None
    days = int(conf.get("CONCORD_MEETING_FIRST_NOTICE_WORKING_DAYS"))
    if meeting.scheduled_at <= working_days_before(meeting.starts_at, days):
        return None
    return _(
        "This first coordination meeting gives the other departments less than %(days)s "
        "working days' notice."
    ) % {"days": days}


def room(meeting: Meeting) -> dict[str, Any]:
    """Everything the meeting page shows, in a fixed number of queries."""
    agenda = list(AgendaItem.objects.filter(meeting=meeting).select_related("presenter__person"))
    decisions = list(Decision.objects.filter(meeting=meeting))
    actions = list(
        ActionItem.objects.filter(meeting=meeting).select_related(
            "owner__person", "task__collaboration"
        )
    )
    attendees = list(
        Attendee.objects.filter(meeting=meeting).select_related("user__person", "department")
    )
    materials = list(meeting.materials.all())
    return {
        "agenda": agenda,
        "agenda_minutes": sum(i.minutes for i in agenda),
        "decisions": decisions,
        "actions": actions,
        "attendees": attendees,
        "materials": materials,
        "confirmed": [a for a in attendees if a.confirmed_at],
        "objections": [a for a in attendees if a.objection],
        "carried": carried_actions(meeting),
    }


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The meeting before this one in its series (or of its kind in the collaboration)."""
    qs = Meeting.objects.filter(starts_at__lt=meeting.starts_at).exclude(status=Status.CANCELLED)
    if meeting.series_id is not None and meeting.series is not None:
        same = Q(series=meeting.series_id)
        if meeting.series.previous_id:
            same |= Q(series=meeting.series.previous_id)
        qs = qs.filter(same)
    else:
        qs = qs.filter(collaboration=meeting.collaboration_id, kind=meeting.kind)
    return qs.order_by("-starts_at", "-id").first()


def carried_actions(meeting: Meeting) -> list[ActionItem]:
    """For a weekly meeting: the previous one's action items that are still open."""
    if meeting.kind != Kind.WEEKLY:
        return []
    prev = previous_meeting(meeting)
    if prev is None:
        return []
    items = ActionItem.objects.filter(meeting=prev).select_related(
        "owner__person", "task__collaboration"
    )
    return [a for a in items if a.task is None or a.task.status in OPEN]


def decision_log(collab: Collaboration, q: str = "") -> QuerySet[Decision]:
    """The collaboration's decisions from published minutes, newest first; `q` filters text."""
    qs = (
        Decision.objects.filter(collaboration=collab, meeting__status=Status.PUBLISHED)
        .select_related("meeting__collaboration")
        .order_by("-meeting__starts_at", "-id")
    )
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(text__icontains=q) | Q(meeting__title__icontains=q))
    return qs


def published_minutes(collab: Collaboration) -> list[Meeting]:
    return list(
        Meeting.objects.filter(collaboration=collab, status=Status.PUBLISHED)
        .select_related("host__person", "note_taker__person")
        .prefetch_related(
            Prefetch("agenda", queryset=AgendaItem.objects.select_related("presenter__person")),
            "decisions",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner__person")),
            Prefetch("attendees", queryset=Attendee.objects.select_related("user__person")),
        )
        .order_by("starts_at", "id")
    )
