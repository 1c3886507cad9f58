"""Plans made the way users make them: through the services."""

from datetime import date
from typing import Any

from concord.approvals.models import Decision
from concord.approvals.selectors import current_flow
from concord.approvals.services import flow_decide
from concord.collaborations.models import Collaboration
from concord.planning import services
from concord.planning.models import PlanVersion
from concord.planning.outcomes import PURPOSE
from tests.collaborations.helpers import established
from tests.personas import Org


def collaboration(org: Org, **overrides: Any) -> Collaboration:
    """Return alice's established project with 市场部 (initiating) and 研发部 taking part."""
    return established(org, **overrides)


def ready_plan(org: Org, collab: Collaboration, who: str = "alice") -> PlanVersion:
    """Draft the plan from the request and complete it so it may be submitted."""
    actor = getattr(org, who)
    version = services.plan_draft(actor=actor, collaboration=collab)
    save = services.plan_item_save
    task = save(
        actor=actor,
        collaboration=collab,
        section="wbs",
        data={"title": "接口开发", "owner_department": org.rnd.pk, "duration_days": 5},
    )
    deliverable = save(
        actor=actor,
        collaboration=collab,
        section="deliverables",
        data={"name": "推广方案", "owner_department": org.market.pk, "standard": "含预算"},
    )
    for row, item in (("wbs", task), ("deliverable", deliverable)):
        services.raci_set(
            actor=actor,
            collaboration=collab,
            row=row,
            row_id=item.pk,
            letter="A",
            department_id=org.market.pk,
        )
        services.raci_set(
            actor=actor,
            collaboration=collab,
            row=row,
            row_id=item.pk,
            letter="R",
            department_id=org.rnd.pk,
        )
    version.refresh_from_db()
    return version


def sign(
    collab: Collaboration, actor: Any, decision: str = Decision.APPROVE, comment: str = ""
) -> Any:
    flow = current_flow(collab, PURPOSE)
    assert flow is not None
    return flow_decide(actor=actor, flow=flow, decision=decision, comment=comment)


def effective(org: Org, collab: Collaboration) -> PlanVersion:
    ready_plan(org, collab)
    services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark)
    sign(collab, org.rita)
    return PlanVersion.objects.get(plan__collaboration=collab, state="effective")


TODAY = date(2026, 7, 1)
