"""Issues made the way users make them: through the services, on the tasks' project.

`project(org)` (tests.tasks.helpers): alice's established collaboration with
市场部 and 研发部, lead leo, rob (研发部, team) and cara (研发部 contact).
"""

from datetime import timedelta
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.issues import services
from concord.issues.meetings import escalation_meeting_schedule
from concord.issues.models import Issue
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.tasks.helpers import Project


def raise_issue(org: Org, p: Project, who: str = "rob", **overrides: Any) -> Issue:
    """Raise a level-1 issue owned by rob (unless overridden)."""
    values: dict[str, Any] = {
        "title": "测试环境不可用",
        "owner": p.rob,
        "phenomenon": "接口联调失败",
        "impact_teams": "研发部、市场部联调停滞",
        "departments": [org.rnd],
    }
    values.update(overrides)
    actor = getattr(p, who, None) or getattr(org, who)
    return services.issue_raise(actor=actor, collaboration=p.collab, **values)


def fresh(issue: Issue) -> Issue:
    return Issue.objects.select_related("collaboration", "handler").get(pk=issue.pk)


def run_timers() -> Any:
    return sweep(limit=1000)


def meeting_for(p: Project, issue: Issue) -> Any:
    """The lead schedules a half-hour escalation meeting with rob, an hour before the deadline."""
    return escalation_meeting_schedule(
        actor=p.leo,
        issue=issue,
        starts_at=issue.due_at - timedelta(hours=1),
        duration_minutes=30,
        attendees=[p.rob],
    )


def page_queries(user: Any, url: str) -> int:
    """Return how many queries a second GET of `url` costs (the first one warms caches)."""
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)
