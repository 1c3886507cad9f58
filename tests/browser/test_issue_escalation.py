"""Rob raises an issue from his blocked card; left unresolved, it escalates to the lead."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from concord.issues.models import Issue
from concord.tasks import services as task_services
from concord.timers.sweep import sweep
from tests.personas import PASSWORD, Org
from tests.tasks.helpers import project, task

pytestmark = pytest.mark.browser


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('[data-testid="login-submit"]')
    page.wait_for_url(f"{base}/")


def test_an_issue_raised_from_a_blocked_task_escalates(
    transactional_db: None, org: Org, live_server: Any, page: Any
) -> None:
    p = project(org)
    t = task(org, p)
    task_services.task_move(actor=p.rob, task=t, status="in_progress")
    task_services.task_move(actor=p.rob, task=t, status="blocked", blocked_reason="测试服务器宕机")
    base = live_server.url
    _login(page, base, "rob")
    page.goto(f"{base}/collaborations/{p.collab.number}/board/")

    page.click(f'[data-testid="card"][data-task="{t.number}"] [data-testid="card-raise-issue"]')
    page.wait_for_selector('[data-testid="issue-form"]')
    assert page.input_value('textarea[name="phenomenon"]') == "测试服务器宕机"
    page.fill('input[name="title"]', "测试服务器宕机，联调停滞")
    page.fill('textarea[name="impact_business"]', "上线推迟约3天")
    page.click('[data-testid="issue-save"]')
    page.wait_for_selector('[data-testid="escalation-history"]')
    issue = Issue.objects.get()
    assert issue.source == t
    assert page.inner_text('[data-testid="issue-level"]').strip() == "一级"
    assert t.number in page.inner_text('[data-testid="issue-source"]')

    # A day and a bit later nobody has resolved it: the sweep escalates it.
    sweep(now=timezone.now() + timedelta(hours=25))
    page.reload()
    assert page.inner_text('[data-testid="issue-level"]').strip() == "二级"
    assert "李项目" in page.inner_text('[data-testid="issue-handler"]')
    assert page.locator('[data-testid="level-period"]').count() == 2
    assert page.locator('[data-testid="period-missed"]').count() == 1
    assert page.locator('[data-testid="issue-timeline"] [data-verb="issue.escalated"]').count() == 1
    assert page.locator('[data-testid="meeting-offer"]').count() == 1
