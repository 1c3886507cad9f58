"""Submit a deliverable, judge it "needs rework" (需补充完善), resubmit, pass it."""

from typing import Any

import pytest

from concord.closing.acceptance.models import Item, ItemState
from tests.closing.helpers import accepting
from tests.personas import PASSWORD, Org

pytestmark = pytest.mark.browser


def _login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def _submit(page: Any, base: str, number: str, note: str) -> None:
    page.goto(f"{base}/collaborations/{number}/acceptance/")
    page.click('[data-testid="submit-deliverable"]')
    page.check('input[name="answer_0"][value="met"]')
    page.fill('textarea[name="note"]', note)
    page.click('[data-testid="submit-button"]')
    page.wait_for_selector('[data-testid="item-state"]')


def _judge(page: Any, base: str, number: str, verdict: str, note: str, due: str = "") -> None:
    page.goto(f"{base}/collaborations/{number}/acceptance/")
    page.click('[data-testid="deliverable-row"] a')
    page.check(f'input[name="verdict"][value="{verdict}"]')
    page.fill('textarea[name="note"]', note)
    if due:
        page.fill('input[name="rework_due"]', due)
    page.click('[data-testid="judge-button"]')
    page.wait_for_selector('[data-testid="round-verdict"]')


def test_a_deliverable_is_accepted_after_one_rework_round(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = accepting(org)
    number = p.collab.number
    base = live_server.url

    _login(page, base, "mark")
    _submit(page, base, number, "初稿")
    item = Item.objects.get(collaboration=p.collab)
    assert item.state == ItemState.JUDGING

    _login(page, base, "leo")
    _judge(page, base, number, "rework", "补充预算明细", "2030-01-15")
    item.refresh_from_db()
    assert item.state == ItemState.REWORK
    assert str(item.rework_due) == "2030-01-15"

    _login(page, base, "mark")
    page.goto(f"{base}{item.get_absolute_url()}")
    assert page.locator('[data-testid="rework-due"]').inner_text() == "2030-01-15"
    page.click('[data-testid="resubmit"]')
    assert "补充预算明细" in page.locator('[data-testid="rework-note"]').inner_text()
    # The self-check keeps the earlier answers.
    assert page.is_checked('input[name="answer_0"][value="met"]')
    page.fill('textarea[name="note"]', "已补充预算明细")
    page.click('[data-testid="submit-button"]')
    page.wait_for_selector('[data-testid="item-state"]')

    _login(page, base, "leo")
    _judge(page, base, number, "pass", "符合要求")
    item.refresh_from_db()
    assert item.state == ItemState.PASSED
    assert page.locator('[data-testid="round"]').count() == 2
    verdicts = page.locator('[data-testid="round-verdict"]').all_inner_texts()
    assert len(verdicts) == 2
