"""Who may decide each step of a strategic request: only that step's approvers."""

import pytest

from concord.approvals.services import flow_decide
from concord.lib.errors import DomainError
from tests.approvals.conftest import chain_for, start
from tests.personas import Org

# Strategic request by alice: 1. mark (head 市场部), 2. dora (director), 3. victor or grace.
ALLOWED = {
    1: {"mark"},
    2: {"dora"},
    3: {"victor", "grace"},
}
PERSONAS = ["alice", "mark", "rita", "dora", "victor", "grace", "pam", "oscar"]


@pytest.mark.parametrize("position", [1, 2, 3])
@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_steps_approvers_may_decide(org: Org, position: int, persona: str) -> None:
    flow = start(org, chain_for(org, importance="strategic"))
    for earlier in range(1, position):
        flow = flow_decide(
            actor=getattr(org, sorted(ALLOWED[earlier])[0]), flow=flow, decision="approve"
        )
    actor = getattr(org, persona)
    if persona in ALLOWED[position]:
        flow = flow_decide(actor=actor, flow=flow, decision="approve")
        assert flow.steps.get(position=position).state == "approved"
    else:
        with pytest.raises(DomainError) as exc:
            flow_decide(actor=actor, flow=flow, decision="approve")
        assert exc.value.code == "forbidden"
        assert flow.steps.get(position=position).state == "active"
