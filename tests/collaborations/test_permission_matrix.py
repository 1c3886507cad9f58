"""Who may do what, through the services: initiator, heads, director, VP, outsider, PMO."""

from collections.abc import Callable
from typing import Any

import pytest

from concord.collaborations import services
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from tests.collaborations.helpers import decide, draft, established, request_input, submitted
from tests.personas import Org

PEOPLE = ["alice", "mark", "dora", "victor", "oscar", "pam"]


def _returned(org: Org) -> Collaboration:
    collab = submitted(org)
    decide(collab, org.mark, "return", "补充")
    collab.refresh_from_db()
    return collab


ACTIONS: dict[str, tuple[Callable[[Org], Any], Callable[[Org, Any, Any], Any], set[str]]] = {
    "create": (
        lambda org: None,
        lambda org, who, _c: services.request_create(actor=who, data=request_input(org)),
        set(PEOPLE),
    ),
    "update": (
        _returned,
        lambda org, who, c: services.request_update(
            actor=who, collaboration=c, data=request_input(org)
        ),
        {"alice"},
    ),
    "submit": (
        draft,
        lambda org, who, c: services.request_submit(actor=who, collaboration=c),
        {"alice"},
    ),
    "withdraw": (
        submitted,
        lambda org, who, c: services.request_withdraw(actor=who, collaboration=c),
        {"alice"},
    ),
    "terminate": (
        established,
        lambda org, who, c: services.collaboration_terminate(
            actor=who, collaboration=c, reason="停止"
        ),
        {"alice", "pam"},
    ),
    "nominate": (
        established,
        lambda org, who, c: services.contact_nominate(
            actor=who, collaboration=c, department=org.market, person=org.alice
        ),
        {"mark", "pam"},
    ),
}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(org: Org, action: str, who: str) -> None:
    setup, act, allowed = ACTIONS[action]
    collab = setup(org)
    actor = getattr(org, who)
    if who in allowed:
        act(org, actor, collab)
    else:
        with pytest.raises(DomainError) as exc:
            act(org, actor, collab)
        assert exc.value.code == "forbidden"
