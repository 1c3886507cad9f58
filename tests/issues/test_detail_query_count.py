"""The issue page costs the same queries with 1 or many stints, updates and meetings."""

from typing import Any

from concord.issues import services
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, meeting_for, page_queries, raise_issue


def _round(p: Project, issue: Any) -> None:
    services.issue_update_post(actor=p.rob, issue=issue, body="进展")
    issue = fresh(issue)
    meeting_for(p, issue)
    services.issue_deescalate(actor=p.leo, issue=issue, reason="回到当事人")
    services.issue_escalate(actor=p.rob, issue=fresh(issue), reason="仍无共识")


def test_it_does_not_grow(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj, level=2)
        _round(proj, issue)
        few = page_queries(proj.leo, issue.get_absolute_url())
        for _ in range(3):
            _round(proj, issue)
        many = page_queries(proj.leo, issue.get_absolute_url())
    assert many == few
