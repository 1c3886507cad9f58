"""Who sees a collaboration: team, heads of its departments, approvers, PMO; confidential: fewer."""

from datetime import timedelta

import pytest
from django.utils import timezone

from concord.collaborations import services
from concord.collaborations.selectors import visible_to
from concord.orgs import services as org_services
from tests.collaborations.helpers import draft, established, submitted
from tests.personas import Org

EVERYONE = ["alice", "mark", "rita", "dora", "victor", "grace", "pam", "oscar"]


def _seers(org: Org, collab: object) -> set[str]:
    return {who for who in EVERYONE if visible_to(getattr(org, who)).filter(pk=collab.pk).exists()}  # type: ignore[attr-defined]


def test_a_draft_is_seen_by_its_initiator_alone(org: Org) -> None:
    assert _seers(org, draft(org)) == {"alice"}


def test_a_request_in_review_is_seen_by_initiator_head_approvers_and_pmo(org: Org) -> None:
    assert _seers(org, submitted(org)) == {"alice", "mark", "pam"}


def test_every_approver_of_the_chain_sees_it_before_their_turn(org: Org) -> None:
    assert _seers(org, submitted(org, importance="important")) == {"alice", "mark", "dora", "pam"}


def test_an_established_one_is_seen_by_the_heads_of_its_departments(org: Org) -> None:
    assert _seers(org, established(org)) == {"alice", "mark", "rita", "pam"}


def test_a_confidential_one_hides_from_heads_not_on_the_team(org: Org) -> None:
    collab = established(org, confidential=True)
    assert _seers(org, collab) == {"alice", "mark", "pam"}
    services.contact_nominate(
        actor=org.pam, collaboration=collab, department=org.rnd, person=org.rita
    )
    assert "rita" in _seers(org, collab)


def test_a_deputy_sees_what_they_approve_for(org: Org) -> None:
    today = timezone.localdate()
    org_services.delegation_create(
        actor=org.mark,
        delegator=org.mark,
        deputy=org.oscar,
        starts_on=today,
        ends_on=today + timedelta(days=1),
    )
    assert "oscar" in _seers(org, submitted(org))


@pytest.mark.parametrize("who", ["mark", "pam"])
def test_the_list_does_not_repeat_rows(org: Org, who: str) -> None:
    established(org)
    assert visible_to(getattr(org, who)).count() == 1
