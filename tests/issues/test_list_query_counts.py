"""The issue lists, the summary and the collaboration page cost the same queries for 2 or 8."""

from typing import Any

import pytest

from concord.issues import services
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import page_queries, raise_issue


def _add(org: Org, p: Project, count: int, start: int) -> None:
    for i in range(start, start + count):
        issue = raise_issue(
            org, p, title=f"问题{i}", departments=[org.rnd, org.market][: 1 + i % 2]
        )
        if i % 2:
            services.issue_escalate(actor=p.rob, issue=issue, reason="无共识")
        if i % 3 == 0:
            services.issue_update_post(actor=p.rob, issue=issue, body="进展")


@pytest.mark.parametrize(
    "page",
    ["issues/", "issues/?status=active&overdue=on", "issues/summary/", "", "/issues/?mine=on"],
)
def test_it_does_not_grow_with_the_rows(org: Org, proj: Project, at: Any, page: str) -> None:
    url = page if page.startswith("/") else f"/collaborations/{proj.collab.number}/{page}"
    with at("2026-07-01 10:00"):
        _add(org, proj, 2, 0)
    with at("2026-07-03 10:00"):
        few = page_queries(proj.rob, url)
    with at("2026-07-01 10:00"):
        _add(org, proj, 6, 2)
    with at("2026-07-03 10:00"):
        many = page_queries(proj.rob, url)
    assert many == few, url
