"""flow_start checks its steps, activates the first, records one event and asks its approvers."""

import pytest

from concord.activity.models import Event
from concord.approvals.chains import StepSpec
from concord.approvals.models import StepApprover
from concord.lib.errors import DomainError
from tests.approvals.conftest import chain_for, pending_timers, start, step
from tests.personas import Org


def test_it_activates_step_one_and_records_one_event(org: Org) -> None:
    flow = start(org, chain_for(org, importance="important"))
    first, second = flow.steps.all()
    assert (first.state, second.state) == ("active", "waiting")
    assert first.activated_at is not None
    assert pending_timers(first) == ["approvals.escalate", "approvals.remind"]
    assert pending_timers(second) == []
    event = Event.objects.get(verb="approval.started")
    assert event.actor == org.alice
    assert event.after["round"] == 1
    assert [s["approvers"] for s in event.after["steps"]] == [[org.mark.pk], [org.dora.pk]]
    assert Event.objects.for_scope(org.market).filter(verb="approval.started").count() == 1


@pytest.mark.parametrize(
    "steps",
    [
        [],
        [StepSpec(label="x", mode="any", approvers=())],
        [StepSpec(label="x", mode="most", approvers=("placeholder",))],
    ],
)
def test_it_refuses_steps_it_cannot_run(org: Org, steps: list[StepSpec]) -> None:
    steps = [StepSpec(s.label, s.mode, tuple(org.mark for _ in s.approvers)) for s in steps]
    with pytest.raises(DomainError):
        start(org, steps)
    assert not Event.objects.filter(verb="approval.started").exists()


def test_a_person_named_twice_in_a_step_is_one_approver(org: Org) -> None:
    flow = start(org, [step(org.mark, org.mark)])
    assert StepApprover.objects.filter(step__flow=flow).count() == 1
