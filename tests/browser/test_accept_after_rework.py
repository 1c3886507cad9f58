"""Submit a deliverable, judge it "needs rework" (需补充完善), resubmit, pass it."""

from typing import Any

import pytest

from concord.closing.acceptance.models import Item, ItemState
from tests.browser.helpers import judge_deliverable, login, submit_deliverable
from tests.closing.helpers import accepting
from tests.personas import Org

pytestmark = pytest.mark.browser


def test_a_deliverable_is_accepted_after_one_rework_round(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = accepting(org)
    number = p.collab.number
    base = live_server.url

    login(page, base, "mark")
    submit_deliverable(page, base, number, "初稿")
    item = Item.objects.get(collaboration=p.collab)
    assert item.state == ItemState.JUDGING

    login(page, base, "leo")
    judge_deliverable(page, base, number, "rework", "补充预算明细", "2030-01-15")
    item.refresh_from_db()
    assert item.state == ItemState.REWORK
    assert str(item.rework_due) == "2030-01-15"

    login(page, base, "mark")
    page.goto(f"{base}{item.get_absolute_url()}")
    assert page.locator('[data-testid="rework-due"]').inner_text() == "2030-01-15"
    page.click('[data-testid="resubmit"]')
    assert "补充预算明细" in page.locator('[data-testid="rework-note"]').inner_text()
    # The self-check keeps the earlier answers.
    assert page.is_checked('input[name="answer_0"][value="met"]')
    page.fill('textarea[name="note"]', "已补充预算明细")
    page.click('[data-testid="submit-button"]')
    page.wait_for_selector('[data-testid="item-state"]')

    login(page, base, "leo")
    judge_deliverable(page, base, number, "pass", "符合要求")
    item.refresh_from_db()
    assert item.state == ItemState.PASSED
    assert page.locator('[data-testid="round"]').count() == 2
    verdicts = page.locator('[data-testid="round-verdict"]').all_inner_texts()
    assert len(verdicts) == 2
