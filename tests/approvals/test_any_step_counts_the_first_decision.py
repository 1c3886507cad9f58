"""或签: the first decision finishes the step; whoever comes second gets a clear conflict."""

import threading

import pytest
from django.db import connection, connections

from concord.approvals.models import Flow, FlowState, StepDecision, StepMode
from concord.approvals.services import flow_decide
from concord.lib.errors import DomainError
from tests.approvals.conftest import HookLog, start, step
from tests.personas import Org


def test_the_second_approver_gets_a_conflict_naming_the_first(org: Org, hook_log: HookLog) -> None:
    flow = start(org, [step(org.mark, org.rita, mode=StepMode.ANY), step(org.dora)])
    flow_decide(actor=org.mark, flow=flow, decision="approve")
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.rita, flow=flow, decision="reject", comment="不同意")
    assert exc.value.code == "conflict"
    assert "马经理" in str(exc.value.message)
    assert StepDecision.objects.count() == 1
    flow.refresh_from_db()
    assert flow.state == FlowState.PENDING  # rita's reject did not count


def test_a_late_decision_on_a_single_step_flow_is_a_conflict_too(
    org: Org, hook_log: HookLog
) -> None:
    flow = start(org, [step(org.mark, org.rita, mode=StepMode.ANY)])
    flow_decide(actor=org.rita, flow=flow, decision="approve")
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert exc.value.code == "conflict"
    assert "任经理" in str(exc.value.message)
    assert hook_log.calls == [("approved", flow.pk, org.rita)]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL row locks: SQLite serialises writers, so deciders cannot overlap",
)
@pytest.mark.parametrize("rounds", range(5))
def test_two_approvers_at_the_same_moment_record_exactly_one_decision(
    org: Org, hook_log: HookLog, rounds: int
) -> None:
    flow = start(org, [step(org.mark, org.rita, mode=StepMode.ANY), step(org.dora)])
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(user, decision: str, comment: str) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait(timeout=10)
            flow_decide(
                actor=user, flow=Flow.objects.get(pk=flow.pk), decision=decision, comment=comment
            )
            outcomes[user.username] = "ok"
        except DomainError as exc:
            outcomes[user.username] = exc.code
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=decide, args=(org.mark, "approve", "")),
        threading.Thread(target=decide, args=(org.rita, "reject", "不同意")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes.values()) == ["conflict", "ok"], outcomes
    assert StepDecision.objects.filter(step__flow=flow).count() == 1
    winner = StepDecision.objects.get(step__flow=flow).decided_by.username
    assert outcomes[winner] == "ok"
    flow.refresh_from_db()
    expected = FlowState.PENDING if winner == "mark" else FlowState.REJECTED
    assert flow.state == expected
