"""The .ics invitation is one VEVENT a calendar client parses: stable UID, times, people."""

from django.test import Client
from icalendar import Calendar

from concord.meetings import ics, services

from .helpers import local, meeting


def test_the_invitation_round_trips_through_icalendar(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00", minutes=90, place="3楼会议室")
        client = Client()
        client.force_login(proj.rob)
        response = client.get(f"{m.get_absolute_url()}invitation.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    cal = Calendar.from_ical(response.content)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == ics.uid(m)
    assert event.decoded("DTSTART") == local("2026-07-03 14:00")
    assert event.decoded("DTEND") == local("2026-07-03 15:30")
    assert str(event["LOCATION"]) == "3楼会议室"
    assert "协调会" in str(event["SUMMARY"])
    assert str(event["ORGANIZER"]).startswith("mailto:")
    attendees = event["ATTENDEE"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert len(attendees) == 3
    assert str(cal["METHOD"]) == "REQUEST"


def test_a_moved_meeting_keeps_its_uid_and_a_cancelled_one_says_so(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
        first = Calendar.from_ical(ics.calendar_of([m]))
        m = services.meeting_update(actor=proj.leo, meeting=m, starts_at=local("2026-07-06 14:00"))
        moved = Calendar.from_ical(ics.calendar_of([m]))
        m = services.meeting_cancel(actor=proj.leo, meeting=m, reason="改期")
        cancelled = Calendar.from_ical(ics.calendar_of([m]))
    uid = [str(c.walk("VEVENT")[0]["UID"]) for c in (first, moved, cancelled)]
    assert len(set(uid)) == 1
    assert moved.walk("VEVENT")[0].decoded("DTSTART") == local("2026-07-06 14:00")
    assert str(cancelled["METHOD"]) == "CANCEL"
    seqs = [int(c.walk("VEVENT")[0]["SEQUENCE"]) for c in (first, moved, cancelled)]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 3
    assert str(cancelled.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_my_calendar_costs_the_same_queries_for_one_meeting_or_many(proj, at):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def feed() -> tuple[int, int]:
        client = Client()
        client.force_login(proj.rob)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/meetings/calendar.ics")
        return len(ctx.captured_queries), len(Calendar.from_ical(response.content).walk("VEVENT"))

    with at("2026-07-01 10:00"):
        meeting(proj, when="2026-07-03 14:00")
        few, one = feed()
        for day in (6, 7, 8):
            meeting(proj, when=f"2026-07-0{day} 14:00", attendees=[proj.rob, proj.leo])
        many, four = feed()
    assert (one, four) == (1, 4)
    assert many == few
