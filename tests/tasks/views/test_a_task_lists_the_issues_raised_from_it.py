"""A blocked task's page lists the issues raised from it, with their level, state and handler."""

from django.test import Client

from concord.issues import services as issue_services
from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import Project, task


def test_the_issue_raised_from_a_blocked_task_shows_on_the_task(org: Org, proj: Project) -> None:
    t = task(org, proj)
    services.task_move(actor=proj.rob, task=t, status="in_progress")
    services.task_move(actor=proj.rob, task=t, status="blocked", blocked_reason="等待接口")
    issue = issue_services.issue_raise(
        actor=proj.rob,
        collaboration=proj.collab,
        title="接口未就绪",
        owner=proj.rob,
        phenomenon="联调阻塞",
        departments=[org.rnd],
        source=t,
    )
    client = Client()
    client.force_login(proj.leo)
    html = client.get(t.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'data-testid="task-issues"' in html
    assert f"{issue.number} 接口未就绪" in html
    assert "处理人: 罗工" in html
    assert 'data-testid="task-raise-issue"' in html


def test_a_task_without_issues_shows_no_issue_section(org: Org, proj: Project) -> None:
    t = task(org, proj)
    client = Client()
    client.force_login(proj.leo)
    html = client.get(t.get_absolute_url()).content.decode()
    assert 'data-testid="task-issues"' not in html
    assert 'data-testid="task-percent">0%<' in html
