"""The issue page costs the same queries with 1 or many stints, updates and meetings."""

from datetime import timedelta
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.issues import services
from concord.issues.meetings import escalation_meeting_schedule
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, raise_issue


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _round(p: Project, issue: Any) -> None:
    services.issue_update_post(actor=p.rob, issue=issue, body="进展")
    issue = fresh(issue)
    escalation_meeting_schedule(
        actor=p.leo,
        issue=issue,
        starts_at=issue.due_at - timedelta(hours=1),
        duration_minutes=30,
        attendees=[p.rob, p.cara],
    )
    services.issue_deescalate(actor=p.leo, issue=issue, reason="回到当事人")
    services.issue_escalate(actor=p.rob, issue=fresh(issue), reason="仍无共识")


def test_it_does_not_grow(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj, level=2)
        _round(proj, issue)
        few = _queries(proj.leo, issue.get_absolute_url())
        for _ in range(3):
            _round(proj, issue)
        many = _queries(proj.leo, issue.get_absolute_url())
    assert many == few
