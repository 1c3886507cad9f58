"""A person logs in, switches to English and opens the inbox, in a real browser."""

from typing import Any

import pytest
from django.db import transaction
from django.utils import translation

from concord.activity.services import event_record
from concord.notifications.kinds import register_kind
from concord.notifications.services import notify
from tests.personas import PASSWORD, Org

pytestmark = pytest.mark.browser

HELLO = "tests.browser_hello"
register_kind(HELLO, title="%(who)s left you a note about the launch plan")


def _notify_alice(org: Org) -> None:
    with transaction.atomic():
        event = event_record(actor=org.mark, verb="tests.noted", subject=org.alice.person)
        notify(
            recipients=[org.alice],
            kind=HELLO,
            subject=org.alice.person,
            params={"who": "马经理"},
            actor=org.mark,
            event=event,
        )


def _chinese(text: str) -> str:
    with translation.override("zh-hans"):
        return translation.gettext(text)


def test_login_switch_to_english_and_open_the_inbox(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    _notify_alice(org)

    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator('#language-switch button[value="en"]').is_visible()
    # Turns itself on once the Chinese catalog translates "Log in" (built at the end).
    if _chinese("Log in") != "Log in":
        assert page.get_by_role("button", name=_chinese("Log in")).is_visible()

    page.fill('input[name="username"]', "alice")
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"

    page.click('#language-switch button[value="en"]')
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    badge = page.locator('[data-testid="inbox-badge"]')
    assert "Inbox" in badge.inner_text()
    assert badge.locator('[data-testid="inbox-unread-count"]').inner_text() == "1"

    badge.click()
    page.wait_for_url(f"{live_server.url}/inbox/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("马经理 left you a note about the launch plan").is_visible()
