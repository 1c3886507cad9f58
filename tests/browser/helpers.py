"""Steps the browser tests share: logging in as a persona, and the acceptance round trip."""

from typing import Any

from tests.personas import PASSWORD


def login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def submit_deliverable(page: Any, base: str, number: str, note: str) -> None:
    """Submit the collaboration's first deliverable with its first standard met."""
    page.goto(f"{base}/collaborations/{number}/acceptance/")
    page.click('[data-testid="submit-deliverable"]')
    page.check('input[name="answer_0"][value="met"]')
    page.fill('textarea[name="note"]', note)
    page.click('[data-testid="submit-button"]')
    page.wait_for_selector('[data-testid="item-state"]')


def judge_deliverable(
    page: Any, base: str, number: str, verdict: str, note: str, due: str = ""
) -> None:
    """Give the first deliverable's current round a verdict (and a rework deadline)."""
    page.goto(f"{base}/collaborations/{number}/acceptance/")
    page.click('[data-testid="deliverable-row"] a')
    page.check(f'input[name="verdict"][value="{verdict}"]')
    page.fill('textarea[name="note"]', note)
    if due:
        page.fill('input[name="rework_due"]', due)
    page.click('[data-testid="judge-button"]')
    page.wait_for_selector('[data-testid="round-verdict"]')
