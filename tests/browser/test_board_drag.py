"""Drag a card to 进行中 and then to 已完成 with a real mouse; the board and the timeline follow."""

from typing import Any

import pytest

from concord.tasks.models import Task
from tests.personas import PASSWORD, Org
from tests.tasks.helpers import project, task

pytestmark = pytest.mark.browser


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def _drag(page: Any, number: str, status: str) -> None:
    card = page.locator(f'[data-testid="card"][data-task="{number}"]')
    column = page.locator(f'[data-board-list][data-status="{status}"]')
    card.drag_to(column)
    page.wait_for_selector(
        f'[data-testid="column-{status}"] [data-testid="card"][data-task="{number}"]'
    )


def test_rob_drags_his_card_across_the_board(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = project(org)
    t = task(org, p)
    base = live_server.url
    _login(page, base, "rob")
    page.goto(f"{base}/collaborations/{p.collab.number}/board/")

    _drag(page, t.number, "in_progress")
    assert Task.objects.get(pk=t.pk).status == "in_progress"
    _drag(page, t.number, "done")
    assert Task.objects.get(pk=t.pk).status == "done"
    counts = {
        status: page.locator(f'[data-testid="column-{status}"] [data-testid="card"]').count()
        for status in ("not_started", "in_progress", "done", "blocked")
    }
    assert counts == {"not_started": 0, "in_progress": 0, "done": 1, "blocked": 0}

    page.click(f'[data-testid="card"][data-task="{t.number}"] [data-testid="card-title"]')
    timeline = page.locator('[data-testid="task-timeline"] [data-verb="task.moved"]')
    assert timeline.count() == 2
