"""The sign-off gate: every participating head signs (会签); a decline returns the draft."""

from concord.collaborations.models import Collaboration
from concord.notifications.models import Notification
from concord.planning import services
from concord.planning.models import PlanVersion
from tests.personas import Org
from tests.planning.helpers import collaboration, ready_plan, sign


def test_it_becomes_effective_only_when_every_head_has_signed(org: Org) -> None:
    """One signature leaves it in sign-off; the last one puts it into effect."""
    collab = collaboration(org)
    ready_plan(org, collab)
    services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark)
    assert PlanVersion.objects.get().state == "in_signoff"
    sign(collab, org.rita)
    assert PlanVersion.objects.get().state == "effective"
    assert Collaboration.objects.get().state == "executing"
    assert Notification.objects.filter(kind="planning.effective", recipient=org.alice).exists()


def test_a_decline_returns_the_draft_with_reasons_and_it_can_be_signed_again(org: Org) -> None:
    """Rita declines with a reason; alice hears it, fixes the plan and every head signs round 2."""
    collab = collaboration(org)
    ready_plan(org, collab)
    services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark)
    sign(collab, org.rita, "return", "研发人力不足,工期需延长")
    version = PlanVersion.objects.get()
    assert version.state == "draft"
    assert "研发人力不足" in version.declined_reasons
    note = Notification.objects.get(kind="planning.declined", recipient=org.alice)
    assert "研发人力不足" in note.params["reasons"]

    services.plan_update(actor=org.alice, collaboration=collab, data={"summary": "工期延长一周"})
    services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark)
    sign(collab, org.rita)
    version.refresh_from_db()
    assert version.state == "effective"
    assert version.declined_reasons == ""
