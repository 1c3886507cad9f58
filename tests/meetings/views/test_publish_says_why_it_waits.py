"""Before the meeting starts, the room says in words why the minutes cannot be published yet."""

from typing import Any

from django.test import Client

from tests.meetings.helpers import meeting
from tests.tasks.helpers import Project


def _room(user: Any, url: str) -> str:
    client = Client()
    client.force_login(user)
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_reason_shows_before_the_start_and_goes_after(proj: Project, at: Any) -> None:
    with at("2026-07-01 11:00"):
        m = meeting(proj, when="2026-07-03 14:00")
        before = _room(proj.leo, m.get_absolute_url())
    assert 'data-testid="publish-not-yet"' in before
    with at("2026-07-03 14:30"):
        during = _room(proj.leo, m.get_absolute_url())
    assert 'data-testid="publish-not-yet"' not in during
    assert 'data-testid="publish"' in during
