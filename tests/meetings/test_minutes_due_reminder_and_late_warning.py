"""Minutes are due 24 h after the end: the note-taker is reminded before, the host warned after."""

from datetime import date

from concord.activity.models import Event
from concord.meetings import services
from concord.notifications.models import Notification
from concord.timers.sweep import sweep

from .helpers import meeting


def _count(kind, user):
    return Notification.objects.filter(kind=kind, recipient=user).count()


def test_the_note_taker_is_reminded_before_and_the_host_warned_after(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00", minutes=60)  # ends 15:00, due Sat 15:00
    with at("2026-07-04 12:59"):
        sweep()
    assert _count("meetings.minutes_reminder", proj.cara) == 0
    with at("2026-07-04 13:00"):
        sweep()
    assert _count("meetings.minutes_reminder", proj.cara) == 1
    assert _count("meetings.minutes_late", proj.leo) == 0
    with at("2026-07-04 15:00"):
        sweep()
        sweep()
    assert _count("meetings.minutes_late", proj.leo) == 1
    assert Event.objects.filter(verb="meeting.minutes_late", subject_id=m.pk).count() == 1


def test_publishing_in_time_cancels_both(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00", minutes=60)
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
    with at("2026-07-05 10:00"):
        sweep()
    assert _count("meetings.minutes_reminder", proj.cara) == 0
    assert _count("meetings.minutes_late", proj.leo) == 0


def test_moving_the_meeting_moves_the_deadline(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00", minutes=60)
        services.meeting_update(
            actor=proj.leo, meeting=m, starts_at=m.starts_at.replace(day=7), duration_minutes=30
        )
    m.refresh_from_db()
    assert m.minutes_due_at.date() == date(2026, 7, 8)
    with at("2026-07-04 16:00"):
        sweep()
    assert _count("meetings.minutes_reminder", proj.cara) == 0
    assert _count("meetings.minutes_late", proj.leo) == 0
    with at("2026-07-08 14:31"):
        sweep()
    assert _count("meetings.minutes_reminder", proj.cara) == 1
    assert _count("meetings.minutes_late", proj.leo) == 1
