"""The communication plan stays on the collaboration page once it has ended."""

import pytest

from concord.collaborations.lifecycle import State
from concord.communication.templatetags.communication import comm_summary
from tests.collaborations.helpers import established
from tests.personas import Org


@pytest.mark.parametrize("state", [State.EXECUTING, State.TERMINATED, State.CLOSED])
def test_it_is_shown_while_under_way_and_after(org: Org, state: str) -> None:
    collab = established(org)
    collab.state = state  # only the state is read; closing itself is tested in tests/closing
    assert comm_summary(collab)["show"] is True


@pytest.mark.parametrize("state", [State.DRAFT, State.IN_REVIEW, State.REJECTED])
def test_it_is_hidden_before_the_collaboration_is_established(org: Org, state: str) -> None:
    collab = established(org)
    collab.state = state
    assert comm_summary(collab)["show"] is False
