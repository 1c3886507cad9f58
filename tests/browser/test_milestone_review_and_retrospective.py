"""A milestone review from the day it falls due to its published report, and a retrospective
whose rule proposal the PMO adopts — driven through the pages."""

from typing import Any

import pytest
import time_machine

from concord.closing.reviews.models import (
    Measure,
    MilestoneReview,
    Proposal,
    ProposalState,
    Retrospective,
    ReviewState,
    Trigger,
)
from concord.knowledge.models import SearchEntry
from concord.notifications.models import Notification
from concord.tasks.models import Task
from concord.timers.sweep import sweep
from tests.browser.helpers import login
from tests.personas import Org
from tests.reviews.helpers import reviewed_project

pytestmark = pytest.mark.browser


def _post(page: Any, button: str) -> None:
    """Click a form's button and wait for the page it redirects to."""
    with page.expect_navigation():
        page.click(f'[data-testid="{button}"]')


def test_a_due_review_is_filled_and_published_and_its_measure_becomes_a_task(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = reviewed_project(org)  # milestone 需求确认 planned for Friday 2026-07-10
    with time_machine.travel("2026-07-13 10:00 +0800", tick=False):
        sweep()  # the daily check finds the milestone's date passed
    review = MilestoneReview.objects.get(collaboration=p.collab)
    assert (review.state, review.trigger) == (ReviewState.DUE, Trigger.DATE_PASSED)
    assert Notification.objects.filter(recipient=p.leo, kind="reviews.review_due").exists()
    base = live_server.url

    login(page, base, "leo")
    page.goto(f"{base}/collaborations/{p.collab.number}/reviews/")
    page.click('[data-testid="review-row"] a')
    page.wait_for_url(f"{base}{review.get_absolute_url()}")
    comparison = page.locator('[data-testid="comparison"]').inner_text()
    assert "2026-07-10" in comparison
    assert "T-001" in comparison

    # 成果总结 and the budget (plan vs actual)
    page.fill("#review_summary", "需求文档已交付，接口评审延误三天")
    page.fill("#review_budget_actual", "185000")
    _post(page, "save-summary")
    # 问题清单: a deviation with its cause from the fixed list
    page.fill("#deviation_item", "接口评审")
    page.select_option("#deviation_cause", "dependency")
    page.fill("#deviation_description", "等待研发部确认接口定义")
    _post(page, "add-deviation")
    assert "等待研发部确认接口定义" in page.locator('[data-testid="deviation"]').inner_text()
    # 改进措施: a measure with an owner and a date, which becomes a task
    page.fill("#measure_text", "接口定义提前一周锁定")
    page.select_option("#measure_owner", label="罗工")
    page.fill("#measure_due_on", "2030-01-15")
    _post(page, "add-measure")
    task_number = page.locator('[data-testid="measure-task"]').inner_text()

    _post(page, "publish")
    assert not page.locator('[data-testid="add-deviation"]').count()  # final now
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    assert review.budget_actual == 185000
    measure = Measure.objects.get(review=review)
    task = Task.objects.get(number=task_number, collaboration=p.collab)
    assert (measure.task, task.owner, str(task.due_on)) == (task, p.rob, "2030-01-15")
    entry = SearchEntry.objects.get(kind="review")
    assert "等待研发部确认接口定义" in entry.body

    page.click('[data-testid="measure-task"]')
    page.wait_for_url(f"{base}{task.get_absolute_url()}")
    assert "接口定义提前一周锁定" in page.content()


def test_a_retrospective_is_published_and_the_pmo_adopts_its_rule_proposal(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = reviewed_project(org)
    base = live_server.url
    retro_url = f"{base}/collaborations/{p.collab.number}/retrospective/project/"

    login(page, base, "leo")
    page.goto(retro_url)
    page.fill("#retro_summary", "按期上线")
    _post(page, "start-retro")
    page.select_option("#point_kind", "worked")
    page.fill("#point_text", "每日进度同步")
    _post(page, "add-point")
    page.select_option("#point_kind", "improve")
    page.fill("#point_text", "流程修订未经法务审核")
    _post(page, "add-point")
    page.fill("#measure_text", "建立跨部门SOP")
    page.select_option("#measure_owner", label="蔡对接")
    page.fill("#measure_due_on", "2030-01-15")
    _post(page, "add-measure")
    page.fill("#proposal_text", "跨部门流程修订需法务部预审")
    _post(page, "add-proposal")
    assert "每日进度同步" in page.locator('[data-testid="worked"]').inner_text()
    assert "流程修订未经法务审核" in page.locator('[data-testid="improve"]').inner_text()
    _post(page, "publish")
    assert Retrospective.objects.get(collaboration=p.collab).state == ReviewState.PUBLISHED
    assert SearchEntry.objects.filter(kind="retrospective").exists()

    login(page, base, "pam")
    page.click('[data-testid="nav-more"]')
    page.click('[data-testid="nav-proposals"]')
    row = page.locator('[data-testid="proposal-row"]', has_text="法务部预审")
    row.locator('input[name="note"]').fill("纳入制度修订")
    with page.expect_navigation():
        row.locator('button[value="adopt"]').click()
    proposal = Proposal.objects.get()
    assert (proposal.state, proposal.decision_note) == (ProposalState.ADOPTED, "纳入制度修订")
    assert Notification.objects.filter(recipient=p.leo, kind="reviews.proposal_adopted").exists()
