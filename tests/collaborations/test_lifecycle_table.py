"""The lifecycle is one table; the services refuse what it does not allow."""

import pytest

from concord.collaborations import lifecycle, services
from concord.collaborations.lifecycle import State
from concord.lib.errors import DomainError
from tests.collaborations.helpers import draft, established, request_input, submitted
from tests.personas import Org


@pytest.mark.parametrize(
    ("state", "action", "target"),
    [
        (State.DRAFT, "submit", State.IN_REVIEW),
        (State.RETURNED, "submit", State.IN_REVIEW),
        (State.IN_REVIEW, "withdraw", State.WITHDRAWN),
        (State.IN_REVIEW, "approve", State.APPROVED),
        (State.IN_REVIEW, "return", State.RETURNED),
        (State.IN_REVIEW, "reject", State.REJECTED),
        (State.APPROVED, "terminate", State.TERMINATED),
    ],
)
def test_it_allows_the_declared_transitions(state: str, action: str, target: str) -> None:
    assert lifecycle.check(state, action) == target


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (State.DRAFT, "withdraw"),
        (State.DRAFT, "terminate"),
        (State.IN_REVIEW, "submit"),
        (State.IN_REVIEW, "update"),
        (State.APPROVED, "submit"),
        (State.REJECTED, "submit"),
        (State.WITHDRAWN, "submit"),
        (State.TERMINATED, "terminate"),
    ],
)
def test_it_refuses_other_transitions_with_a_conflict(state: str, action: str) -> None:
    with pytest.raises(DomainError) as exc:
        lifecycle.check(state, action)
    assert exc.value.code == "conflict"


def test_final_states_lead_nowhere_but_attachments_never_reach_them() -> None:
    for state in lifecycle.FINAL:
        assert lifecycle.actions_from(state) == []


def test_a_submitted_request_cannot_be_submitted_or_edited_again(org: Org) -> None:
    collab = submitted(org)
    with pytest.raises(DomainError) as exc:
        services.request_submit(actor=org.alice, collaboration=collab)
    assert exc.value.code == "conflict"
    with pytest.raises(DomainError) as exc:
        services.request_update(actor=org.alice, collaboration=collab, data=request_input(org))
    assert exc.value.code == "conflict"


def test_only_an_established_collaboration_can_be_terminated(org: Org) -> None:
    collab = draft(org)
    with pytest.raises(DomainError) as exc:
        services.collaboration_terminate(actor=org.alice, collaboration=collab, reason="x")
    assert exc.value.code == "conflict"
    live = established(org, name="第二个")
    services.collaboration_terminate(actor=org.alice, collaboration=live, reason="市场变化")
    live.refresh_from_db()
    assert live.state == State.TERMINATED
    assert live.closed_reason == "市场变化"


def test_termination_needs_a_reason(org: Org) -> None:
    live = established(org)
    with pytest.raises(DomainError) as exc:
        services.collaboration_terminate(actor=org.pam, collaboration=live, reason="  ")
    assert "reason" in exc.value.details


def test_withdrawing_ends_the_running_approval(org: Org) -> None:
    from concord.approvals.models import FlowState
    from concord.collaborations import flows

    collab = submitted(org)
    services.request_withdraw(actor=org.alice, collaboration=collab)
    collab.refresh_from_db()
    assert collab.state == State.WITHDRAWN
    flow = flows.current_flow(collab)
    assert flow is not None
    assert flow.state == FlowState.WITHDRAWN
