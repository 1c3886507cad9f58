"""Change notices and resource requests made the way users make them: through the services."""

from datetime import date
from decimal import Decimal
from typing import Any

from concord.approvals.models import Decision
from concord.approvals.selectors import current_flow
from concord.approvals.services import flow_decide
from concord.changes import services
from concord.changes.models import ChangeNotice, ResourceRequest
from concord.collaborations.models import Collaboration
from tests.collaborations.helpers import established
from tests.personas import Org

__all__ = ["decide", "established", "issue", "request_resource"]


def issue(org: Org, collab: Collaboration, who: str = "alice", **overrides: Any) -> ChangeNotice:
    """Issue a plan adjustment of alice's collaboration, taking effect well ahead."""
    values: dict[str, Any] = {
        "category": "plan",
        "title": "上线日期推迟两周",
        "what": "上线日期由9月1日调整为9月15日",
        "why": "研发测试发现关键缺陷",
        "impact_time": "推迟两周",
        "impact_departments": [org.rnd],
        "effective_on": date(2026, 12, 1),
    }
    values.update(overrides)
    return services.change_notice_issue(actor=getattr(org, who), collaboration=collab, **values)


def request_resource(
    org: Org, collab: Collaboration, who: str = "alice", **overrides: Any
) -> ResourceRequest:
    values: dict[str, Any] = {
        "kind": "budget",
        "description": "测试设备租赁",
        "amount": Decimal("20000.00"),
        "justification": "新品性能测试需要额外设备",
        "period_from": date(2026, 10, 1),
        "period_to": date(2026, 10, 31),
    }
    values.update(overrides)
    return services.resource_request_create(actor=getattr(org, who), collaboration=collab, **values)


def decide(
    subject: Any, purpose: str, actor: Any, decision: str = Decision.APPROVE, comment: str = ""
) -> Any:
    flow = current_flow(subject, purpose)
    assert flow is not None
    return flow_decide(actor=actor, flow=flow, decision=decision, comment=comment)
