"""A resource request is reviewed by the initiating department's head and then, by amount,
approved by the director (and the VP); approved, it appears among the plan's resources."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.test import RequestFactory

from concord.approvals.models import Decision
from concord.approvals.selectors import current_flow
from concord.changes import selectors, services
from concord.changes.models import ResourceState
from concord.notifications.models import Notification
from tests.changes.helpers import decide, established, request_resource
from tests.personas import Org

PURPOSE = services.RESOURCE_PURPOSE


def _approvers(req: object) -> list[list[str]]:
    flow = current_flow(req, PURPOSE)  # type: ignore[arg-type]
    assert flow is not None
    return [
        [a.user.username for a in step.approvers.all()] for step in flow.steps.order_by("position")
    ]


def test_a_small_request_needs_only_the_head(org: Org) -> None:
    req = request_resource(org, established(org), amount=Decimal("20000"))
    assert req.number == "ZY-01"
    assert req.state == ResourceState.IN_REVIEW
    assert _approvers(req) == [["mark"]]


def test_a_large_request_climbs_to_the_director_and_vp(org: Org) -> None:
    collab = established(org)
    assert _approvers(request_resource(org, collab, amount=Decimal("80000"))) == [
        ["mark"],
        ["dora"],
    ]
    assert _approvers(request_resource(org, collab, amount=Decimal("300000"))) == [
        ["mark"],
        ["dora"],
        ["victor"],
    ]


def test_approved_it_appears_among_the_plans_resources(org: Org) -> None:
    collab = established(org)
    req = request_resource(org, collab, amount=Decimal("80000"))
    decide(req, PURPOSE, org.mark)
    req.refresh_from_db()
    assert req.state == ResourceState.IN_REVIEW
    assert list(selectors.approved_resources(collab)) == []
    decide(req, PURPOSE, org.dora)
    req.refresh_from_db()
    assert req.state == ResourceState.APPROVED
    assert list(selectors.approved_resources(collab)) == [req]
    html = render_to_string(
        "changes/partials/approved_resources.html",
        {"collab": collab},
        request=RequestFactory().get("/"),
    )
    assert "ZY-01" in html
    assert Notification.objects.filter(recipient=org.alice, kind="approvals.approved").exists()


def test_returned_it_can_be_revised_and_resubmitted(org: Org) -> None:
    collab = established(org)
    req = request_resource(org, collab)
    decide(req, PURPOSE, org.mark, Decision.RETURN, "金额偏高")
    req.refresh_from_db()
    assert (req.state, req.feedback) == (ResourceState.RETURNED, "金额偏高")
    services.resource_request_update(
        actor=org.alice,
        request=req,
        kind="budget",
        description=req.description,
        justification=req.justification,
        period_from=req.period_from,
        period_to=req.period_to,
        amount=Decimal("15000"),
    )
    req.refresh_from_db()
    assert req.state == ResourceState.IN_REVIEW
    flow = current_flow(req, PURPOSE)
    assert flow is not None
    assert flow.round == 2


def test_a_withdrawn_request_ends_its_approval(org: Org) -> None:
    req = request_resource(org, established(org))
    services.resource_request_withdraw(actor=org.alice, request=req)
    flow = current_flow(req, PURPOSE)
    assert flow is not None
    assert flow.state == "withdrawn"
