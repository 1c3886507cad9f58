"""The meeting lists, the room, the decision log and the collaboration page cost the same
queries for few or many rows."""

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.meetings import services
from tests.meetings.helpers import meeting
from tests.personas import Org
from tests.tasks.helpers import Project


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _fill(proj: Project, m: Any, count: int) -> None:
    for i in range(count):
        services.decision_add(actor=proj.leo, meeting=m, text=f"决定{i}")
        services.action_add(
            actor=proj.leo,
            meeting=m,
            description=f"待办{i}",
            owner=proj.rob,
            due_on=date(2026, 7, 20),
        )


def _meetings(proj: Project, count: int) -> Any:
    made = []
    for i in range(count):
        made.append(meeting(proj, when=f"2026-07-0{2 + i % 2} 0{8 + i % 2}:00", title=f"会{i}"))
    return made


@pytest.mark.parametrize("page", ["meetings/", "decisions/", "/meetings/", "", "room"])
def test_it_does_not_grow_with_the_rows(org: Org, proj: Project, at: Any, page: str) -> None:
    ref = proj.collab.number
    with at("2026-07-01 10:00"):
        first = _meetings(proj, 1)[0]
    with at("2026-07-04 10:00"):
        _fill(proj, first, 2)
        services.minutes_publish(actor=proj.leo, meeting=first)
        url = (
            first.get_absolute_url()
            if page == "room"
            else page
            if page.startswith("/")
            else f"/collaborations/{ref}/{page}"
        )
        few = _queries(proj.rob, url)
    with at("2026-07-01 10:00"):
        _meetings(proj, 4)
    with at("2026-07-04 10:00"):
        _fill(proj, first, 5)
        services.minutes_publish(actor=proj.leo, meeting=first)
        many = _queries(proj.rob, url)
    assert many == few
