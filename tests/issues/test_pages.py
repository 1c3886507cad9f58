"""Issue pages: every page renders in both languages, actions post through the services."""

from typing import Any

import pytest
from django.test import Client

from concord.issues import services
from concord.issues.models import Issue, Status
from concord.tasks import services as task_services
from tests.personas import Org
from tests.tasks.helpers import Project, task

from .helpers import fresh, raise_issue


def client_for(user: Any, language: str = "zh-hans") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def _pages(p: Project, number: str) -> list[str]:
    base = f"/collaborations/{p.collab.number}/issues/"
    return [
        "/issues/",
        "/issues/?level=2&status=active&overdue=on&mine=on",
        base,
        f"{base}new/",
        f"{base}summary/",
        f"{base}export.xlsx",
        f"{base}{number}/",
        f"{base}{number}/edit/",
        f"{base}{number}/meeting/",
        f"/collaborations/{p.collab.number}/",
    ]


@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "Escalation history")]
)
def test_it_renders_every_page(
    org: Org, proj: Project, at: Any, language: str, marker: str
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_update_post(actor=proj.rob, issue=issue, body="已申请扩容")
        services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
        client = client_for(proj.leo, language)
        for url in _pages(proj, issue.number):
            response = client.get(url)
            assert response.status_code == 200, url
        page = client.get(fresh(issue).get_absolute_url()).content.decode()
        assert marker in page
        assert 'data-testid="meeting-offer"' in page


def test_the_export_is_an_xlsx_named_name_date_type(org: Org, proj: Project, at: Any) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    with at("2026-07-01 10:00"):
        raise_issue(org, proj)
        response = client_for(proj.leo).get(
            f"/collaborations/{proj.collab.number}/issues/export.xlsx"
        )
    assert response.status_code == 200
    assert "2026-07-01" in response["Content-Disposition"]
    assert "%E9%97%AE%E9%A2%98%E8%B7%9F%E8%B8%AA%E8%A1%A8" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet is not None
    assert sheet["A3"].value == "WT-01"
    assert "测试环境不可用" in sheet["B3"].value


def test_raising_from_a_blocked_task_prefills_and_links_it(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        t = task(org, proj)
        task_services.task_move(actor=proj.rob, task=t, status="in_progress")
        task_services.task_move(
            actor=proj.rob, task=t, status="blocked", blocked_reason="测试服务器不可用"
        )
        client = client_for(proj.rob)
        url = f"/collaborations/{proj.collab.number}/issues/new/?task={t.number}"
        form = client.get(url).content.decode()
        assert "测试服务器不可用" in form
        response = client.post(
            url,
            {
                "title": "测试服务器不可用",
                "owner": proj.rob.pk,
                "departments": [org.rnd.pk],
                "level": "1",
                "task": t.number,
            },
        )
        assert response.status_code == 302
        issue = Issue.objects.get()
        assert issue.source == t
        page = client.get(issue.get_absolute_url()).content.decode()
        assert t.number in page
        task_page = client.get(t.get_absolute_url()).content.decode()
        assert "issues/new/?task=" in task_page
        board = client.get(f"/collaborations/{proj.collab.number}/board/").content.decode()
        assert 'data-testid="card-raise-issue"' in board


def test_actions_post_and_errors_show_on_the_page(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj, who="rita")
        base = issue.get_absolute_url()
        rob = client_for(proj.rob)
        bad = rob.post(f"{base}escalate/", {"escalate-reason": ""})
        assert bad.status_code == 400
        ok = rob.post(f"{base}escalate/", {"escalate-reason": "无共识"})
        assert ok.status_code == 302
        assert fresh(issue).level == 2
        assert rob.post(f"{base}update/", {"body": "协调中"}).status_code == 302
        assert rob.post(f"{base}resolve/", {"resolution": "已解决"}).status_code == 302
        assert fresh(issue).status == Status.RESOLVED
        # rob may not confirm his own resolution: he is told, nothing changes.
        assert rob.post(f"{base}close/", {}).status_code == 302
        assert fresh(issue).status == Status.RESOLVED
        assert client_for(proj.leo).post(f"{base}close/", {}).status_code == 302
    assert fresh(issue).status == Status.CLOSED


def test_an_outsider_gets_404(org: Org, proj: Project) -> None:
    issue = raise_issue(org, proj)
    client = client_for(org.oscar)
    assert client.get(issue.get_absolute_url()).status_code == 404
    assert client.get(f"/collaborations/{proj.collab.number}/issues/").status_code == 404
    assert "WT-01" not in client.get("/issues/").content.decode()
