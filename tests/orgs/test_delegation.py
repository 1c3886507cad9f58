"""delegation_create and delegation_revoke."""

from datetime import date

import pytest

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.orgs import services
from tests.personas import Org


def test_a_person_delegates_their_own_approvals(org: Org) -> None:
    d = services.delegation_create(
        actor=org.mark,
        delegator=org.mark,
        deputy=org.alice,
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 5),
        reason="出差",
    )
    assert d.deputy == org.alice
    event = Event.objects.get(verb="delegation.created")
    assert event.scope_id == org.mark.person.pk


def test_it_refuses_an_overlapping_delegation(org: Org) -> None:
    services.delegation_create(
        actor=org.pam,
        delegator=org.mark,
        deputy=org.alice,
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 5),
    )
    with pytest.raises(DomainError) as exc:
        services.delegation_create(
            actor=org.pam,
            delegator=org.mark,
            deputy=org.rita,
            starts_on=date(2027, 3, 5),
            ends_on=date(2027, 3, 9),
        )
    assert exc.value.code == "conflict"


def test_a_revoked_delegation_no_longer_blocks_a_new_one(org: Org) -> None:
    d = services.delegation_create(
        actor=org.pam,
        delegator=org.mark,
        deputy=org.alice,
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 5),
    )
    services.delegation_revoke(actor=org.mark, delegation=d)
    services.delegation_create(
        actor=org.pam,
        delegator=org.mark,
        deputy=org.rita,
        starts_on=date(2027, 3, 2),
        ends_on=date(2027, 3, 3),
    )
    with pytest.raises(DomainError) as exc:
        services.delegation_revoke(actor=org.mark, delegation=d)
    assert exc.value.code == "conflict"


@pytest.mark.parametrize(
    ("deputy", "starts", "ends", "field"),
    [
        ("mark", date(2027, 3, 1), date(2027, 3, 2), "deputy"),
        ("alice", date(2027, 3, 5), date(2027, 3, 1), "ends_on"),
        ("oscar", date(2027, 3, 1), date(2027, 3, 2), "deputy"),
    ],
)
def test_it_refuses_bad_delegations(
    org: Org, deputy: str, starts: date, ends: date, field: str
) -> None:
    """Delegating to oneself, ending before starting, or to an inactive deputy."""
    services.person_deactivate(actor=org.pam, person=org.oscar.person)
    with pytest.raises(DomainError) as exc:
        services.delegation_create(
            actor=org.mark,
            delegator=org.mark,
            deputy=getattr(org, deputy),
            starts_on=starts,
            ends_on=ends,
        )
    assert field in exc.value.details
