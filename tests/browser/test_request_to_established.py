"""From a filled request form to an established collaboration (立项), in a real browser."""

from typing import Any

import pytest
from django.utils import translation

from concord.collaborations.lifecycle import State
from concord.collaborations.models import Collaboration
from concord.notifications.models import Notification
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


def test_alice_requests_mark_approves_rita_is_asked_for_a_contact(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    base = live_server.url
    _login(page, base, "alice")
    page.click('[data-testid="nav-collaborations"]')
    page.click('[data-testid="new-request"]')
    page.click('[data-testid="kind-project"]')
    page.fill('input[name="name"]', "新品上市推广")
    page.fill('textarea[name="background"]', "为提升产品市场占有率,需联合研发部推出新品")
    page.fill('textarea[name="goals"]', "9月1日启动推广")
    page.fill('input[name="start_on"]', "2026-08-01")
    page.fill('input[name="end_on"]', "2026-12-31")
    page.select_option('select[name="importance"]', "normal")
    page.fill('input[name="budget"]', "200000")
    page.select_option('select[name="suggested-0-department"]', str(org.rnd.pk))
    page.click('[data-testid="save-request"]')
    page.wait_for_selector('[data-testid="submit"]')

    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-testid="submit"]')
    page.wait_for_selector('[data-testid="approval-progress"]')
    collab = Collaboration.objects.get()
    assert collab.number is not None
    assert collab.state == "in_review"
    _logout(page)

    _login(page, base, "mark")
    page.goto(f"{base}{collab.get_absolute_url()}")
    page.fill('[data-testid="decide-form"] textarea[name="comment"]', "同意")
    page.click('[data-testid="decide-approve"]')
    page.wait_for_selector('[data-testid="decide-done"]')  # the htmx answer, no full reload
    collab.refresh_from_db()
    assert collab.state == "approved"

    page.reload()
    established_label = page.locator('[data-testid="state"]').inner_text()
    with translation.override("zh-hans"):
        assert established_label == str(State.APPROVED.label)
    assert Notification.objects.filter(
        recipient=org.rita, kind="collaborations.name_contact"
    ).exists()
