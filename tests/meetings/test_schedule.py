import pytest

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.meetings import services
from concord.meetings.models import Meeting
from concord.notifications.models import Notification
from concord.timers.models import Timer

from .helpers import local, meeting


def test_scheduling_invites_attendees_with_the_guides_agenda(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
    assert m.kind == Meeting.Kind.COORDINATION
    # The guides' proportions, filling the hour.
    assert [a.minutes for a in m.agenda.all()] == [8, 12, 24, 8, 8]
    users = set(m.attendees.values_list("user_id", flat=True))
    assert users == {proj.leo.pk, proj.cara.pk, proj.rob.pk}
    assert Notification.objects.filter(kind="meetings.invited", recipient=proj.rob).exists()
    assert Event.objects.filter(verb="meeting.scheduled", subject_id=m.pk).count() == 1
    assert m.minutes_due_at == local("2026-07-04 15:00")
    kinds = set(
        Timer.objects.filter(
            subject_id=m.pk, state="pending", kind__startswith="meetings."
        ).values_list("kind", flat=True)
    )
    assert kinds == {"meetings.minutes_remind", "meetings.minutes_late"}


def test_a_source_goes_first_on_the_agenda(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(
            proj, kind="escalation", source=proj.collab, agenda=[{"title": "x", "minutes": 5}]
        )
    items = list(m.agenda.all())
    assert items[0].title == str(proj.collab)
    assert items[0].source == proj.collab
    assert m.source == proj.collab


def test_an_outsider_may_not_schedule(org, proj, at):
    with at("2026-07-01 10:00"), pytest.raises(DomainError) as err:
        meeting(proj, actor=org.oscar)
    assert err.value.code == "forbidden"


def test_bad_input_is_refused(proj, at):
    with at("2026-07-01 10:00"):
        with pytest.raises(DomainError) as err:
            meeting(proj, kind="party")
        assert "kind" in err.value.details
        with pytest.raises(DomainError) as err:
            meeting(proj, minutes=0)
        assert "duration_minutes" in err.value.details
        with pytest.raises(DomainError):
            services.meeting_schedule(
                actor=proj.leo,
                collaboration=proj.collab,
                kind="weekly",
                title="",
                host=proj.leo,
                starts_at=local("2026-07-03 10:00"),
                duration_minutes=30,
                note_taker=proj.leo,
                attendees=[],
            )
