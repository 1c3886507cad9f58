"""The collaboration page's meetings section: upcoming (under way included), minutes due,
and the kickoff offered until one is scheduled."""

from django.test import Client

from concord.meetings import selectors

from .helpers import meeting


def test_upcoming_minutes_due_and_kickoff(proj, at):
    with at("2026-07-01 10:00"):
        assert selectors.section(proj.collab)["has_kickoff"] is False
        held = meeting(proj, when="2026-07-02 09:00", minutes=60, title="已开")
        running = meeting(proj, when="2026-07-02 10:30", minutes=60, title="进行中")
        later = meeting(proj, kind="kickoff", when="2026-07-06 10:00", title="启动会")
    with at("2026-07-02 11:00"):
        data = selectors.section(proj.collab)
        assert [m.pk for m in data["upcoming"]] == [running.pk, later.pk]
        assert [m.pk for m in data["minutes_due"]] == [held.pk]
        assert data["has_kickoff"] is True
        client = Client()
        client.force_login(proj.leo)
        page = client.get(f"/collaborations/{proj.collab.number}/").content.decode()
    assert 'data-testid="minutes-due"' in page
    assert 'data-testid="schedule-kickoff"' not in page
