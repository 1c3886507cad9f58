"""From the nav to a highlighted search hit: 知识库 → 预算 → the decision, 预算 marked."""

from typing import Any

import pytest

from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put
from tests.personas import PASSWORD, Org

pytestmark = pytest.mark.browser


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def test_alice_finds_a_decision_by_a_two_character_word(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    collab = established(org)
    entry = put(collab, "年度推广预算调整决议", "会议同意追加市场推广预算五万元。", kind="decision")
    put(established(org, name="并购评估", confidential=True), "并购预算", "预算", kind="decision")
    base = live_server.url
    _login(page, base, "alice")
    page.click('[data-testid="nav-knowledge"]')
    page.wait_for_url(f"{base}/knowledge/")
    page.fill('[data-testid="search-q"]', "预算")
    page.press('[data-testid="search-q"]', "Enter")
    page.wait_for_selector('[data-testid="search-hit"]')
    hits = page.locator('[data-testid="search-hit"]')
    assert hits.count() == 2  # alice started both
    first = hits.first
    assert first.locator("mark").first.inner_text() == "预算"
    page.click(f'a[href="{entry.url}"]')  # the hit links to the source
    page.wait_for_url(f"{base}{entry.url}")

    page.context.clear_cookies()
    _login(page, base, "oscar")
    page.goto(f"{base}/search/?q=预算")
    page.wait_for_selector('[data-testid="search-empty"]')
