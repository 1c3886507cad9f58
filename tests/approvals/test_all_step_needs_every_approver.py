"""会签: the step finishes when every approver has approved; any return or reject ends the flow."""

import pytest

from concord.approvals.models import FlowState, StepMode, StepState
from concord.approvals.services import flow_decide
from concord.lib.errors import DomainError
from tests.approvals.conftest import HookLog, start, step
from tests.personas import Org


def test_it_waits_for_all_approvals(org: Org, hook_log: HookLog) -> None:
    flow = start(org, [step(org.victor, org.pam, mode=StepMode.ALL), step(org.grace)])
    flow = flow_decide(actor=org.victor, flow=flow, decision="approve")
    first = flow.steps.get(position=1)
    assert first.state == StepState.ACTIVE
    flow = flow_decide(actor=org.pam, flow=flow, decision="approve")
    first.refresh_from_db()
    assert first.state == StepState.APPROVED
    assert flow.steps.get(position=2).state == StepState.ACTIVE
    assert hook_log.calls == []


def test_one_approver_cannot_decide_twice(org: Org) -> None:
    flow = start(org, [step(org.victor, org.pam, mode=StepMode.ALL)])
    flow_decide(actor=org.victor, flow=flow, decision="approve")
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.victor, flow=flow, decision="approve")
    assert exc.value.code == "conflict"


def test_one_return_ends_the_flow_at_once(org: Org, hook_log: HookLog) -> None:
    flow = start(org, [step(org.victor, org.pam, mode=StepMode.ALL), step(org.grace)])
    flow = flow_decide(actor=org.pam, flow=flow, decision="return", comment="可行性不足")
    assert flow.state == FlowState.RETURNED
    assert hook_log.calls == [("returned", flow.pk, org.pam)]
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.victor, flow=flow, decision="approve")
    assert exc.value.code == "conflict"
