"""Build a small plan, fill the RACI grid by clicking, and collect every head's signature."""

from typing import Any

import pytest
from django.utils import translation

from concord.collaborations.models import Collaboration
from concord.planning.models import PlanVersion
from tests.collaborations.helpers import established
from tests.personas import PASSWORD, Org

pytestmark = pytest.mark.browser


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def _logout(page: Any) -> None:
    page.click('[data-testid="user-menu"]')
    page.locator("form[action*='logout'] button").click()
    page.wait_for_load_state()


def _click_until(page: Any, row: int, dept: int, letter: str) -> None:
    for _ in range(5):
        cell = page.locator('[data-testid="raci-row"]').nth(row).locator(f'[data-dept="{dept}"]')
        if cell.get_attribute("data-letter") == letter:
            return
        before = cell.get_attribute("data-letter")
        cell.click()
        page.wait_for_function(
            "([row, dept, before]) => { const c = document.querySelectorAll("
            "'[data-testid=raci-row]')[row]?.querySelector(`[data-dept='${dept}']`);"
            " return c && c.dataset.letter !== before; }",
            arg=[row, dept, before],
        )
    raise AssertionError(f"cell never showed {letter}")


def test_alice_builds_the_plan_and_both_heads_sign(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    collab = established(org)
    base = live_server.url
    plan_url = f"{base}/collaborations/{collab.number}/plan/"

    _login(page, base, "alice")
    page.goto(f"{base}{collab.get_absolute_url()}")
    page.click('[data-testid="open-plan"]')
    page.click('[data-testid="plan-draft"]')
    page.wait_for_selector('[data-testid="plan-version"]')

    new_task = page.locator('[data-testid="new-wbs"]')
    new_task.locator('input[name="title"]').fill("接口开发")
    new_task.locator('select[name="owner_department"]').select_option(str(org.rnd.pk))
    page.click('[data-testid="add-wbs"]')
    page.wait_for_selector('[data-testid="row-wbs"]')

    new_deliverable = page.locator('[data-testid="new-deliverables"]')
    new_deliverable.locator('input[name="name"]').fill("推广方案")
    new_deliverable.locator('textarea[name="standard"]').fill("包含预算、执行流程、效果评估指标")
    page.click('[data-testid="add-deliverables"]')
    page.wait_for_selector('[data-testid="row-deliverables"]')
    assert page.locator('[data-testid="raci-problem"]').count() == 4

    for row in (0, 1):
        _click_until(page, row, org.market.pk, "A")
        _click_until(page, row, org.rnd.pk, "R")
    assert page.locator('[data-testid="raci-problem"]').count() == 0

    page.click('[data-testid="plan-submit"]')
    page.wait_for_selector('[data-testid="approval-progress"]')
    assert PlanVersion.objects.get().state == "in_signoff"
    _logout(page)

    for head in ("mark", "rita"):
        _login(page, base, head)
        page.goto(plan_url)
        page.click('[data-testid="decide-approve"]')
        page.wait_for_selector('[data-testid="decide-done"]')
        _logout(page)

    _login(page, base, "alice")
    page.goto(plan_url)
    state = page.locator('[data-testid="plan-state"]').inner_text()
    version = PlanVersion.objects.get()
    assert version.state == "effective"
    # The page speaks alice's language; this process may have another one active.
    labels = set()
    for lang in ("zh-hans", "en"):
        with translation.override(lang):
            labels.add(str(version.get_state_display()))
    assert state in labels
    assert Collaboration.objects.get().state == "executing"
