"""Returning or rejecting needs feedback; each ends the flow and calls its hook."""

import pytest

from concord.approvals.models import FlowState, StepDecision, StepState
from concord.approvals.selectors import current_flow, flows_of
from concord.approvals.services import flow_decide
from concord.lib.errors import DomainError
from concord.timers.models import Timer
from tests.approvals.conftest import PURPOSE, HookLog, chain_for, start
from tests.personas import Org


@pytest.mark.parametrize("decision", ["return", "reject"])
@pytest.mark.parametrize("comment", ["", "   "])
def test_it_refuses_without_feedback(org: Org, decision: str, comment: str) -> None:
    flow = start(org, chain_for(org))
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.mark, flow=flow, decision=decision, comment=comment)
    assert exc.value.code == "invalid"
    assert "comment" in exc.value.details
    assert not StepDecision.objects.exists()


def test_an_unknown_decision_names_the_field(org: Org) -> None:
    flow = start(org, chain_for(org))
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.mark, flow=flow, decision="maybe")
    assert "decision" in exc.value.details


def test_a_return_ends_the_flow_and_a_resubmission_starts_round_two(
    org: Org, hook_log: HookLog
) -> None:
    flow = start(org, chain_for(org, importance="important"))
    flow = flow_decide(actor=org.mark, flow=flow, decision="return", comment="请补充预算")
    assert flow.state == FlowState.RETURNED
    assert [s.state for s in flow.steps.all()] == [StepState.RETURNED, StepState.CANCELLED]
    assert hook_log.calls == [("returned", flow.pk, org.mark)]
    assert not Timer.objects.filter(state="pending", kind__startswith="approvals.").exists()

    again = start(org, chain_for(org, importance="important"))
    assert again.round == 2
    assert current_flow(org.market, PURPOSE) == again
    assert list(flows_of(org.market)) == [again, flow]
    assert again.steps.get(position=1).state == StepState.ACTIVE


def test_a_rejection_is_final(org: Org, hook_log: HookLog) -> None:
    flow = start(org, chain_for(org, importance="important"))
    flow_decide(actor=org.mark, flow=flow, decision="approve")
    flow = flow_decide(actor=org.dora, flow=flow, decision="reject", comment="不符合战略")
    assert flow.state == FlowState.REJECTED
    assert hook_log.calls == [("rejected", flow.pk, org.dora)]
    decision = StepDecision.objects.get(decision="reject")
    assert decision.comment == "不符合战略"


def test_a_second_flow_cannot_start_while_one_is_pending(org: Org) -> None:
    start(org, chain_for(org))
    with pytest.raises(DomainError) as exc:
        start(org, chain_for(org))
    assert exc.value.code == "conflict"
