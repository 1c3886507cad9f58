"""Requests made the way users make them: through the services."""

from datetime import date
from decimal import Decimal
from typing import Any

from concord.approvals.models import Decision
from concord.approvals.services import flow_decide
from concord.collaborations import flows, services
from concord.collaborations.inputs import DatedRow, RequestInput, SuggestedRow
from concord.collaborations.models import Collaboration
from tests.personas import Org


def request_input(org: Org, **overrides: Any) -> RequestInput:
    """Return a complete project request of 市场部 asking 研发部 to take part."""
    values: dict[str, Any] = {
        "kind": "project",
        "name": "新品上市推广",
        "importance": "normal",
        "contact_phone": "13800000000",
        "contact_email": "alice@example.com",
        "background": "为提升产品市场占有率,需联合研发部推出新品。",
        "goals": "9月1日启动推广,首月销量 1 万台。",
        "start_on": date(2026, 8, 1),
        "end_on": date(2026, 12, 31),
        "risks": "研发资源紧张",
        "people_count": 6,
        "budget": Decimal("200000.00"),
        "equipment": "展台一套",
        "suggested": [SuggestedRow(org.rnd, [])],
        "key_dates": [DatedRow("上线", date(2026, 9, 1))],
    }
    values.update(overrides)
    return RequestInput(**values)


def draft(org: Org, who: str = "alice", **overrides: Any) -> Collaboration:
    return services.request_create(actor=getattr(org, who), data=request_input(org, **overrides))


def submitted(org: Org, who: str = "alice", **overrides: Any) -> Collaboration:
    collab = draft(org, who, **overrides)
    return services.request_submit(actor=getattr(org, who), collaboration=collab)


def decide(
    collab: Collaboration, actor: Any, decision: str = Decision.APPROVE, comment: str = ""
) -> Any:
    flow = flows.current_flow(collab)
    assert flow is not None
    return flow_decide(actor=actor, flow=flow, decision=decision, comment=comment)


def established(org: Org, **overrides: Any) -> Collaboration:
    """Return a normal request of alice's, approved by mark (her department head)."""
    collab = submitted(org, **overrides)
    decide(collab, org.mark)
    collab.refresh_from_db()
    return collab
