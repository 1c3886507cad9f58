"""Whoever is invited to a meeting can open it: invitees from outside the team join it."""

from django.test import Client

from concord.activity.models import Event
from concord.collaborations.models import TeamMember
from concord.meetings import services

from .helpers import meeting


def _opens(user, m) -> bool:
    client = Client()
    client.force_login(user)
    return client.get(m.get_absolute_url()).status_code == 200


def test_an_outsider_invited_at_scheduling_joins_the_team(org, proj, at):
    assert not TeamMember.objects.filter(collaboration=proj.collab, user=org.oscar).exists()
    with at("2026-07-01 10:00"):
        m = meeting(proj, attendees=[org.oscar])
    assert TeamMember.objects.filter(collaboration=proj.collab, user=org.oscar).exists()
    assert _opens(org.oscar, m)
    event = Event.objects.get(verb="meeting.scheduled", subject_id=m.pk)
    assert org.oscar.pk in event.after["joined_team"]


def test_an_outsider_invited_later_joins_the_team(org, proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        assert not _opens(org.victor, m)
        services.attendee_add(actor=proj.leo, meeting=m, user=org.victor)
    assert _opens(org.victor, m)
    event = Event.objects.get(verb="meeting.attendee_added", subject_id=m.pk)
    assert event.after["joined_team"] == [org.victor.pk]
