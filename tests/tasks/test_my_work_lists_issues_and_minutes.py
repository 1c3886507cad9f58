"""「我的工作」 lists the issues one handles, resolutions to confirm and minutes to confirm."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.issues import services as issue_services
from concord.meetings import services as meeting_services
from concord.tasks import selectors
from tests.issues.helpers import fresh, raise_issue
from tests.meetings.helpers import meeting
from tests.personas import Org
from tests.tasks.helpers import Project


def _kinds(user: Any) -> list[str]:
    return [i.kind for i in selectors.my_work(user)]


def test_an_issue_follows_its_handler_and_comes_back_to_confirm(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 11:00"):
        issue = raise_issue(org, proj)
        assert "issue" in _kinds(proj.rob)
        issue_services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
        assert "issue" not in _kinds(proj.rob)
        [item] = [i for i in selectors.my_work(proj.leo) if i.kind == "issue"]
        assert item.url == fresh(issue).get_absolute_url()
        assert item.due is not None
        issue_services.issue_resolve(actor=proj.leo, issue=fresh(issue), resolution="已协调")
        assert "issue" not in _kinds(proj.leo)
        assert "issue_confirm" not in _kinds(proj.leo)  # not their own resolution
        assert "issue_confirm" in _kinds(proj.rob)
        page = Client()
        page.force_login(proj.rob)
        html = page.get("/my-work/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        assert "确认解决结果" in html


def test_published_minutes_wait_for_the_attendees_confirmation(proj: Project, at: Any) -> None:
    with at("2026-07-01 11:00"):
        m = meeting(proj, when="2026-07-01 09:00")
        meeting_services.decision_add(actor=proj.leo, meeting=m, text="按计划推进")
        meeting_services.minutes_publish(actor=proj.leo, meeting=m)
        [item] = [i for i in selectors.my_work(proj.rob) if i.kind == "minutes"]
        assert item.title == "协调会"
        assert item.url.endswith("#confirmations")
        meeting_services.minutes_confirm(actor=proj.rob, meeting=m)
        assert "minutes" not in _kinds(proj.rob)


def test_issues_and_minutes_cost_no_query_per_row(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 11:00"):
        raise_issue(org, proj)
        with CaptureQueriesContext(connection) as few:
            selectors.my_work(proj.rob)
        for i in range(3):
            raise_issue(org, proj, title=f"问题{i}")
            m = meeting(proj, when="2026-07-01 09:00", title=f"会{i}")
            meeting_services.minutes_publish(actor=proj.leo, meeting=m)
        with CaptureQueriesContext(connection) as many:
            items = selectors.my_work(proj.rob)
        assert sum(1 for i in items if i.kind == "issue") == 4
        assert sum(1 for i in items if i.kind == "minutes") == 3
        assert len(many) == len(few)
