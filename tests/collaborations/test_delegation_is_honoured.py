"""mark delegates to rita; rita approves for him; the record says so."""

from datetime import timedelta

from django.utils import timezone, translation

from concord.approvals.models import StepDecision
from concord.collaborations.lifecycle import State
from concord.orgs import services as org_services
from tests.collaborations.helpers import decide, submitted
from tests.personas import Org


def test_the_deputy_approves_for_the_head_and_it_shows(org: Org, client) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    org_services.delegation_create(
        actor=org.mark,
        delegator=org.mark,
        deputy=org.rita,
        starts_on=today,
        ends_on=today + timedelta(days=5),
    )
    collab = submitted(org)
    decide(collab, org.rita)
    collab.refresh_from_db()
    assert collab.state == State.APPROVED
    decision = StepDecision.objects.get()
    assert (decision.approver, decision.decided_by) == (org.mark, org.rita)

    client.force_login(org.alice)
    page = client.get(collab.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
    with translation.override("zh-hans"):
        shown = translation.gettext("%(deputy)s on behalf of %(approver)s") % {
            "deputy": "任经理",
            "approver": "马经理",
        }
    assert shown in page.content.decode()
