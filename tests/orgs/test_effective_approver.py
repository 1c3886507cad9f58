"""effective_approver follows an active delegation on the given day, one hop only."""

from datetime import date

import time_machine

from concord.orgs import services
from concord.orgs.selectors import effective_approver
from tests.personas import Org


def test_it_routes_to_the_deputy_only_within_the_dates(org: Org) -> None:
    services.delegation_create(
        actor=org.mark,
        delegator=org.mark,
        deputy=org.alice,
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 5),
    )
    assert effective_approver(org.mark, date(2027, 2, 28)) == (org.mark, None)
    assert effective_approver(org.mark, date(2027, 3, 1)) == (org.alice, org.mark)
    assert effective_approver(org.mark, date(2027, 3, 5)) == (org.alice, org.mark)
    assert effective_approver(org.mark, date(2027, 3, 6)) == (org.mark, None)


def test_it_follows_one_hop_only(org: Org) -> None:
    """mark → alice, and alice → rita at the same time: mark's approvals go to alice."""
    for delegator, deputy in [(org.mark, org.alice), (org.alice, org.rita)]:
        services.delegation_create(
            actor=org.pam,
            delegator=delegator,
            deputy=deputy,
            starts_on=date(2027, 3, 1),
            ends_on=date(2027, 3, 5),
        )
    assert effective_approver(org.mark, date(2027, 3, 2)) == (org.alice, org.mark)


def test_a_revoked_delegation_stops_routing_from_the_moment_it_is_revoked(org: Org) -> None:
    with time_machine.travel("2027-03-02 10:00 +0800", tick=False):
        d = services.delegation_create(
            actor=org.mark,
            delegator=org.mark,
            deputy=org.alice,
            starts_on=date(2027, 3, 1),
            ends_on=date(2027, 3, 5),
        )
        today = date.today()
        assert effective_approver(org.mark, today) == (org.alice, org.mark)
    with time_machine.travel("2027-03-03 10:00 +0800", tick=False):
        services.delegation_revoke(actor=org.mark, delegation=d)
        assert effective_approver(org.mark, date.today()) == (org.mark, None)


def test_a_delegation_to_a_deactivated_deputy_is_ignored(org: Org) -> None:
    services.delegation_create(
        actor=org.pam,
        delegator=org.rita,
        deputy=org.oscar,
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 5),
    )
    services.person_deactivate(actor=org.pam, person=org.oscar.person)
    assert effective_approver(org.rita, date(2027, 3, 2)) == (org.rita, None)
