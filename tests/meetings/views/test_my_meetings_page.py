"""「我的会议」 lists the minutes the note-taker owes and the minutes waiting for the reader's
confirmation, and gives the upcoming meetings as one .ics."""

from django.test import Client
from icalendar import Calendar

from concord.meetings import services
from tests.meetings.helpers import meeting


def test_owed_and_to_confirm_and_the_calendar(proj, at):
    with at("2026-07-01 10:00"):
        done = meeting(proj, when="2026-07-02 10:00", title="已开的会")
        owed = meeting(proj, when="2026-07-02 14:00", title="欠纪要的会")
        meeting(proj, when="2026-07-09 10:00", title="下周的会")
    with at("2026-07-02 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=done)
        cara, rob = Client(), Client()
        cara.force_login(proj.cara)
        rob.force_login(proj.rob)
        page = cara.get("/meetings/").content.decode()
        assert 'data-testid="minutes-owed"' in page
        assert owed.title in page
        page = rob.get("/meetings/").content.decode()
        assert 'data-testid="minutes-owed"' not in page
        assert 'data-testid="to-confirm"' in page
        services.minutes_confirm(actor=proj.rob, meeting=done)
        assert 'data-testid="to-confirm"' not in rob.get("/meetings/").content.decode()
        response = rob.get("/meetings/calendar.ics")
    cal = Calendar.from_ical(response.content)
    titles = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    # Scheduled meetings from a day back on: today's still-open one and next week's.
    assert [t.split(" ")[0] for t in titles] == ["下周的会", "欠纪要的会"]
