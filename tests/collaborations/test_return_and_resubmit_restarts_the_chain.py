"""Return → revise → resubmit starts a new round with its first step active again."""

import pytest

from concord.approvals.models import FlowState, StepState
from concord.approvals.selectors import flows_of
from concord.collaborations import services
from concord.collaborations.lifecycle import State
from concord.lib.errors import DomainError
from tests.collaborations.helpers import decide, request_input, submitted
from tests.personas import Org


def test_a_return_then_resubmission_starts_round_two(org: Org) -> None:
    collab = submitted(org, importance="important")
    decide(collab, org.mark)  # step 1 (head) approves; the director is next
    decide(collab, org.dora, "return", "请补充预算明细")
    collab.refresh_from_db()
    assert collab.state == State.RETURNED

    services.request_update(
        actor=org.alice,
        collaboration=collab,
        data=request_input(org, importance="important", risks="已补充"),
    )
    services.request_submit(actor=org.alice, collaboration=collab)
    collab.refresh_from_db()
    assert collab.state == State.IN_REVIEW
    rounds = list(flows_of(collab))
    assert [f.round for f in rounds] == [2, 1]
    assert rounds[1].state == FlowState.RETURNED
    steps = list(rounds[0].steps.order_by("position"))
    assert steps[0].state == StepState.ACTIVE
    assert [a.user for a in steps[0].approvers.all()] == [org.mark]
    assert all(s.state == StepState.WAITING for s in steps[1:])


def test_a_returned_request_can_be_given_up(org: Org) -> None:
    collab = submitted(org)
    decide(collab, org.mark, "return", "目标不清楚")
    services.request_withdraw(actor=org.alice, collaboration=collab)
    collab.refresh_from_db()
    assert collab.state == State.WITHDRAWN


def test_a_rejection_is_final(org: Org) -> None:
    collab = submitted(org)
    decide(collab, org.mark, "reject", "与年度计划不符")
    collab.refresh_from_db()
    assert collab.state == State.REJECTED
    with pytest.raises(DomainError):
        services.request_submit(actor=org.alice, collaboration=collab)
