"""Who may change the team: the initiator, the lead and the PMO; heads only their members."""

from collections.abc import Callable
from typing import Any

import pytest

from concord.collaborations import services
from concord.collaborations.models import Collaboration, Role, TeamMember
from concord.lib.errors import DomainError
from tests.collaborations.helpers import established
from tests.personas import Org
from tests.team.helpers import employee

ACTORS = ["alice", "lead", "mark", "rita", "oscar", "pam"]
MANAGERS = {"alice", "lead", "pam"}


def _setup(org: Org) -> tuple[Collaboration, Any]:
    collab = established(org)
    lead = employee(org.rnd, "leo", "黎工")
    services.team_set_lead(actor=org.alice, collaboration=collab, user=lead)
    return collab, lead


def _actor(org: Org, lead: Any, who: str) -> Any:
    return lead if who == "lead" else getattr(org, who)


def _set_sponsor(org: Org, collab: Collaboration, actor: Any) -> None:
    services.team_set_sponsor(actor=actor, collaboration=collab, user=org.victor)


def _add_department(org: Org, collab: Collaboration, actor: Any) -> None:
    services.department_add(actor=actor, collaboration=collab, department=org.legal)


def _set_lead_department(org: Org, collab: Collaboration, actor: Any) -> None:
    services.department_set_lead(actor=actor, collaboration=collab, department=org.rnd)


ACTIONS: dict[str, Callable[[Org, Collaboration, Any], None]] = {
    "sponsor": _set_sponsor,
    "department": _add_department,
    "lead_department": _set_lead_department,
}


@pytest.mark.parametrize("who", ACTORS)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_it_lets_only_the_team_managers_change_the_team(org: Org, who: str, action: str) -> None:
    """The initiator, the lead and the PMO may; heads and outsiders may not."""
    collab, lead = _setup(org)
    run = ACTIONS[action]
    if who in MANAGERS:
        run(org, collab, _actor(org, lead, who))
    else:
        with pytest.raises(DomainError) as exc:
            run(org, collab, _actor(org, lead, who))
        assert exc.value.code in {"forbidden", "not_found"}


@pytest.mark.parametrize(
    ("who", "member_dept", "allowed"),
    [
        ("alice", "rnd", True),
        ("lead", "rnd", True),
        ("pam", "rnd", True),
        ("rita", "rnd", True),  # head of 研发部 adds her own people
        ("mark", "rnd", False),  # head of 市场部, not of the member's department
        ("oscar", "rnd", False),
    ],
)
def test_it_lets_heads_add_and_remove_only_their_own_members(
    org: Org, who: str, member_dept: str, allowed: bool
) -> None:
    collab, lead = _setup(org)
    newcomer = employee(getattr(org, member_dept), "nina", "倪工")
    actor = _actor(org, lead, who)
    if not allowed:
        with pytest.raises(DomainError) as exc:
            services.member_add(actor=actor, collaboration=collab, user=newcomer)
        assert exc.value.code == "forbidden"
        member = services.member_add(actor=org.alice, collaboration=collab, user=newcomer)
        with pytest.raises(DomainError):
            services.member_remove(actor=actor, member=member)
        assert TeamMember.objects.filter(pk=member.pk).exists()
        return
    member = services.member_add(actor=actor, collaboration=collab, user=newcomer)
    assert member.role == Role.MEMBER
    assert member.department == org.rnd
    services.member_remove(actor=actor, member=member)
    assert not TeamMember.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize("who", ACTORS)
def test_it_lets_only_the_managers_name_the_lead(org: Org, who: str) -> None:
    collab, lead = _setup(org)
    other = employee(org.market, "mia", "米娅")
    actor = _actor(org, lead, who)
    if who in MANAGERS:
        services.team_set_lead(actor=actor, collaboration=collab, user=other)
        assert TeamMember.objects.get(collaboration=collab, role=Role.LEAD).user == other
    else:
        with pytest.raises(DomainError):
            services.team_set_lead(actor=actor, collaboration=collab, user=other)
        assert TeamMember.objects.get(collaboration=collab, role=Role.LEAD).user == lead
