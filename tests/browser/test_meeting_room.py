"""Run a meeting in the room: change the agenda, type two decisions and an action item
(htmx, no reload), publish the minutes, and find the task on the board."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from concord.meetings import services
from concord.meetings.models import Meeting
from concord.tasks.models import Task
from tests.personas import PASSWORD, Org
from tests.tasks.helpers import project

pytestmark = pytest.mark.browser


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def test_leo_runs_a_meeting_and_its_action_item_lands_on_the_board(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = project(org)
    m = services.meeting_schedule(
        actor=p.leo,
        collaboration=p.collab,
        kind="coordination",
        title="推广协调会",
        starts_at=timezone.now() - timedelta(minutes=30),
        duration_minutes=60,
        host=p.leo,
        note_taker=p.leo,
        attendees=[p.rob, p.cara],
    )
    base = live_server.url
    _login(page, base, "leo")
    page.goto(f"{base}{m.get_absolute_url()}")
    assert page.locator('[data-testid="agenda-item"]').count() == 5

    # The agenda: add an item with a time box.
    page.click("#agenda details summary")
    page.locator('[data-testid="agenda-new-title"]').first.fill("物料排期")
    page.click('[data-testid="agenda-save"]')
    page.wait_for_selector('[data-testid="agenda-item"]:has-text("物料排期")')
    assert page.locator('[data-testid="agenda-item"]').count() == 6

    # Mark the page: an htmx swap keeps it, a reload would lose it.
    page.evaluate("window.__stayed = true")
    first = page.locator('[data-testid="agenda-item"]').first
    first.locator("textarea").fill("目标：九月上市")
    first.locator("textarea").press("Tab")
    first.locator('[data-testid="saved"]').wait_for()
    assert m.agenda.first().key_points == "目标：九月上市"
    for i, text in enumerate(["预算由市场部承担", "九月一日启动推广"], start=1):
        page.fill('[data-testid="decision-form"] textarea', text)
        page.click('[data-testid="decision-add"]')
        page.wait_for_function(
            f"document.querySelectorAll('[data-testid=\"decision\"]').length === {i}"
        )
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    form = page.locator('[data-testid="action-form"]')
    form.locator('input[name="description"]').fill("完成主视觉海报")
    form.locator('select[name="owner"]').select_option(str(p.rob.pk))
    form.locator('input[name="due_on"]').fill(due)
    form.locator('input[name="deliverable"]').fill("海报终稿")
    page.click('[data-testid="action-add"]')
    page.wait_for_selector('[data-testid="action"]:has-text("完成主视觉海报")')
    assert page.evaluate("window.__stayed === true")
    assert page.locator('[data-testid="decision"]').count() == 2

    page.click('[data-testid="publish"]')
    page.wait_for_selector('[data-testid="action-task"]')
    assert Meeting.objects.get(pk=m.pk).status == "published"
    task = Task.objects.get(collaboration=p.collab, title="完成主视觉海报")
    assert task.owner == p.rob

    page.goto(f"{base}/collaborations/{p.collab.number}/board/")
    card = page.locator(f'[data-testid="card"][data-task="{task.number}"]')
    assert card.count() == 1
    assert "完成主视觉海报" in card.inner_text()
