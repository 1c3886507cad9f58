"""Issues made the way users make them: through the services, on the tasks' project.

`project(org)` (tests.tasks.helpers): alice's established collaboration with
市场部 and 研发部, lead leo, rob (研发部, team) and cara (研发部 contact).
"""

from typing import Any

from concord.issues import services
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
