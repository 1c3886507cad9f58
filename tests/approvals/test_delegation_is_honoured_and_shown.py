"""A deputy decides for the approver during the delegation, and it shows: 「任经理 代 马经理」."""

from datetime import date

import pytest
import time_machine
from django.test import Client

from concord.activity.models import Event
from concord.approvals.models import StepDecision
from concord.approvals.selectors import can_decide, waiting_for
from concord.approvals.services import flow_decide
from concord.lib.errors import DomainError
from concord.orgs.services import delegation_create
from tests.approvals.conftest import HookLog, chain_for, start
from tests.personas import Org

TODAY = "2026-10-12 10:00 +08:00"  # a Monday


@pytest.fixture
def delegated(org: Org) -> None:
    delegation_create(
        actor=None,
        delegator=org.mark,
        deputy=org.rita,
        starts_on=date(2026, 10, 12),
        ends_on=date(2026, 10, 14),
    )


@time_machine.travel(TODAY, tick=False)
def test_the_deputy_decides_for_the_approver(org: Org, delegated: None, hook_log: HookLog) -> None:
    flow = start(org, chain_for(org))
    assert can_decide(org.rita, flow)
    assert [s.flow_id for s in waiting_for(org.rita)] == [flow.pk]
    flow_decide(actor=org.rita, flow=flow, decision="approve", comment="代批")
    decision = StepDecision.objects.get()
    assert (decision.approver, decision.decided_by) == (org.mark, org.rita)
    assert decision.on_behalf
    event = Event.objects.get(verb="approval.decided")
    assert event.actor == org.rita
    assert event.after["on_behalf_of"] == org.mark.pk


@time_machine.travel(TODAY, tick=False)
def test_the_progress_view_shows_who_decided_for_whom(
    org: Org, delegated: None, client: Client
) -> None:
    flow = start(org, chain_for(org))
    flow_decide(actor=org.rita, flow=flow, decision="approve")
    client.force_login(org.alice)
    client.cookies["django_language"] = "en"
    page = client.get(f"/approvals/flows/{flow.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "任经理 on behalf of 马经理" in page.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_the_approver_may_still_decide_themself(org: Org, delegated: None) -> None:
    flow = start(org, chain_for(org))
    flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert not StepDecision.objects.get().on_behalf


@time_machine.travel("2026-10-15 10:00 +08:00", tick=False)
def test_after_the_delegation_the_deputy_is_refused(org: Org, delegated: None) -> None:
    flow = start(org, chain_for(org))
    assert not can_decide(org.rita, flow)
    assert list(waiting_for(org.rita)) == []
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.rita, flow=flow, decision="approve")
    assert exc.value.code == "forbidden"


@time_machine.travel("2026-10-09 10:00 +08:00", tick=False)
def test_before_the_delegation_the_deputy_is_refused(org: Org, delegated: None) -> None:
    flow = start(org, chain_for(org))
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.rita, flow=flow, decision="approve")
    assert exc.value.code == "forbidden"


@time_machine.travel(TODAY, tick=False)
def test_the_request_notification_goes_to_the_deputy(org: Org, delegated: None) -> None:
    from concord.notifications.models import Notification

    start(org, chain_for(org))
    recipients = set(
        Notification.objects.filter(kind="approvals.requested").values_list(
            "recipient__username", flat=True
        )
    )
    assert recipients == {"rita"}
