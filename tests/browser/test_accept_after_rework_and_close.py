"""A deliverable accepted after one rework round, then the collaboration closed (archive page).

The PMO waives what is still missing on the checklist, alice closes, the
final archive bundle is built in the background (here: a sweep) while the
page polls its progress with htmx, and the download is offered.
"""

from typing import Any

import pytest

from concord.closing.acceptance.models import Item, ItemState
from concord.collaborations.models import Collaboration
from concord.timers.sweep import sweep
from tests.browser.helpers import judge_deliverable, login, submit_deliverable
from tests.closing.helpers import accepting
from tests.personas import Org

pytestmark = pytest.mark.browser


def test_accept_after_rework_then_close(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = accepting(org)
    number = p.collab.number
    base = live_server.url
    archive = f"{base}/collaborations/{number}/archive/"

    # Acceptance: submitted, sent back for rework, resubmitted, passed.
    login(page, base, "mark")
    submit_deliverable(page, base, number, "初稿")
    login(page, base, "leo")
    judge_deliverable(page, base, number, "rework", "补充预算明细", "2030-01-15")
    login(page, base, "mark")
    item = Item.objects.get(collaboration=p.collab)
    assert item.state == ItemState.REWORK
    page.goto(f"{base}{item.get_absolute_url()}")
    page.click('[data-testid="resubmit"]')
    page.fill('textarea[name="note"]', "已补充预算明细")
    page.click('[data-testid="submit-button"]')
    page.wait_for_selector('[data-testid="item-state"]')
    login(page, base, "leo")
    judge_deliverable(page, base, number, "pass", "符合要求")
    item.refresh_from_db()
    assert item.state == ItemState.PASSED

    # The archive checklist now has the acceptance record.
    page.goto(archive)
    assert page.get_attribute('[data-testid="item-acceptance"]', "data-status") == "present"
    assert page.get_attribute('[data-testid="item-request"]', "data-status") == "present"

    # The PMO waives whatever required document is still missing.
    login(page, base, "pam")
    page.goto(archive)
    for _ in range(12):
        missing = page.locator('tr[data-status="missing"]')
        if missing.count() == 0:
            break
        doc_type = missing.first.get_attribute("data-testid").removeprefix("item-")
        page.select_option('[data-testid="waive-form"] select[name="doc_type"]', doc_type)
        page.fill('[data-testid="waive-form"] textarea[name="reason"]', "本协作不涉及")
        page.click('[data-testid="waive"]')
        page.wait_for_selector(f'[data-testid="item-{doc_type}"][data-status="waived"]')
    assert page.locator('tr[data-status="missing"]').count() == 0
    assert page.locator('[data-testid="missing-alert"]').count() == 0

    # alice closes from the archive page.
    login(page, base, "alice")
    page.goto(archive)
    page.fill('[data-testid="close-form"] textarea[name="note"]', "成果已验收,资料齐全")
    page.click('[data-testid="close"]')
    page.wait_for_selector('[data-testid="bundle"]')
    assert Collaboration.objects.get(pk=p.collab.pk).state == "closed"
    assert page.get_attribute('[data-testid="bundle"]', "data-state") == "queued"
    assert page.locator('[data-testid="close-form"]').count() == 0

    # The runner builds it; the page's htmx poll picks up the result by itself.
    for _ in range(10):
        sweep()
    page.wait_for_selector('[data-testid="bundle-download"]', timeout=15_000)
    assert page.get_attribute('[data-testid="bundle"]', "data-state") == "ready"
    with page.expect_download() as info:
        page.click('[data-testid="bundle-download"]')
    assert info.value.suggested_filename.endswith(".zip")
