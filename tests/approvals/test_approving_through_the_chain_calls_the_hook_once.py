"""Approving every step approves the flow and calls the purpose's on_approved hook once."""

import pytest

from concord.activity.models import Event
from concord.approvals.models import FlowState, StepDecision, StepState
from concord.approvals.services import flow_decide
from concord.lib.errors import DomainError
from tests.approvals.conftest import HookLog, chain_for, pending_timers, start
from tests.personas import Org


def test_it_walks_the_chain_and_calls_the_hook_once(org: Org, hook_log: HookLog) -> None:
    flow = start(org, chain_for(org, importance="strategic"))
    assert flow.round == 1
    assert [s.state for s in flow.steps.all()] == ["active", "waiting", "waiting"]

    flow = flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert flow.state == FlowState.PENDING
    assert [s.state for s in flow.steps.all()] == ["approved", "active", "waiting"]
    flow = flow_decide(actor=org.dora, flow=flow, decision="approve", comment="同意")
    assert hook_log.calls == []
    flow = flow_decide(actor=org.grace, flow=flow, decision="approve")

    assert flow.state == FlowState.APPROVED
    assert flow.finished_at is not None
    assert [s.state for s in flow.steps.all()] == [StepState.APPROVED] * 3
    assert hook_log.calls == [("approved", flow.pk, org.grace)]
    decisions = StepDecision.objects.filter(step__flow=flow).order_by("decided_at", "id")
    assert [(d.approver.username, d.decided_by.username) for d in decisions] == [
        ("mark", "mark"),
        ("dora", "dora"),
        ("grace", "grace"),
    ]


def test_each_decision_is_one_event_with_before_and_after(org: Org, hook_log: HookLog) -> None:
    flow = start(org, chain_for(org, importance="important"))
    events = Event.objects.filter(verb="approval.decided")
    flow_decide(actor=org.mark, flow=flow, decision="approve", comment="可以")
    event = events.get()
    assert event.actor == org.mark
    assert event.before == {"state": "pending", "step": 1, "step_state": "active"}
    assert event.after["decision"] == "approve"
    assert event.after["comment"] == "可以"
    assert event.after["on_behalf_of"] is None
    # On the subject's timeline as well as the flow's.
    assert Event.objects.for_scope(org.market).filter(verb="approval.decided").count() == 1


def test_the_finished_steps_timers_are_cancelled_and_the_next_steps_scheduled(
    org: Org, hook_log: HookLog
) -> None:
    flow = start(org, chain_for(org, importance="important"))
    first, second = flow.steps.all()
    assert pending_timers(first) == ["approvals.escalate", "approvals.remind"]
    flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert pending_timers(first) == []
    assert pending_timers(second) == ["approvals.escalate", "approvals.remind"]


def test_a_decision_on_a_finished_flow_is_a_conflict(org: Org, hook_log: HookLog) -> None:
    flow = start(org, chain_for(org))
    flow_decide(actor=org.mark, flow=flow, decision="approve")
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert exc.value.code == "conflict"
    assert len(hook_log.calls) == 1
