"""The board, the list, 「我的工作」 and the Gantt chart cost the same queries for 3 or 12 tasks."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import Project, task

STATUSES = ["not_started", "in_progress", "blocked", "done"]


def _add(org: Org, p: Project, count: int, start: int) -> None:
    for i in range(start, start + count):
        due = date(2026, 6, 30) + timedelta(days=2 * i)  # overdue, due soon and later alike
        t = task(org, p, title=f"任务{i}", start_on=date(2026, 6, 22), due_on=due)
        status = STATUSES[i % 4]
        if status != "not_started":
            services.task_move(actor=p.leo, task=t, status="in_progress")
        if status == "blocked":
            services.task_move(actor=p.leo, task=t, status="blocked", blocked_reason="等待")
        elif status == "done":
            services.task_move(actor=p.leo, task=t, status="done")
        if i % 3 and status != "done":
            services.progress_post(actor=p.rob, task=t, text="进展", percent_done=10)


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)  # warm the session and the caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("page", "who"),
    [
        ("board/", "leo"),
        ("board/?overdue=on", "leo"),
        ("tasks/", "leo"),
        ("tasks/?order=-priority", "leo"),
        ("gantt/", "leo"),
        ("progress/?day=2026-07-02", "leo"),
        ("/my-work/", "rob"),
    ],
)
def test_it_does_not_grow_with_the_rows(
    org: Org, proj: Project, at: Any, page: str, who: str
) -> None:
    user = getattr(proj, who)
    url = page if page.startswith("/") else f"/collaborations/{proj.collab.number}/{page}"
    with at("2026-07-02 10:00"):
        _add(org, proj, 3, 0)
        few = _queries(user, url)
        _add(org, proj, 9, 3)
        many = _queries(user, url)
    assert many == few
