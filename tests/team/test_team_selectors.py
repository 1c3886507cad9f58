"""What other apps read about the team: lead, sponsor, heads, stakeholders, plan managers."""

from concord.collaborations import access, selectors, services
from tests.collaborations.helpers import established
from tests.personas import Org
from tests.team.helpers import employee


def test_lead_and_sponsor_are_none_until_named(org: Org) -> None:
    collab = established(org)
    assert selectors.lead_of(collab) is None
    assert selectors.sponsor_of(collab) is None
    services.team_set_lead(actor=org.alice, collaboration=collab, user=org.mark)
    services.team_set_sponsor(actor=org.alice, collaboration=collab, user=org.victor)
    assert selectors.lead_of(collab) == org.mark
    assert selectors.sponsor_of(collab) == org.victor


def test_department_heads_of_lists_each_department_with_its_head(org: Org) -> None:
    collab = established(org)
    pairs = [(pd.department, head) for pd, head in selectors.department_heads_of(collab)]
    assert pairs == [(org.market, org.mark), (org.rnd, org.rita)]


def test_stakeholders_are_team_heads_and_contacts_once_each(org: Org) -> None:
    collab = established(org)
    eric = employee(org.rnd, "eric", "易工")
    services.contact_nominate(actor=org.rita, collaboration=collab, department=org.rnd, person=eric)
    services.member_add(actor=org.alice, collaboration=collab, user=eric)
    people = selectors.stakeholders_of(collab)
    assert people == [org.alice, org.mark, eric, org.rita]
    assert len(people) == len(set(people))


def test_can_manage_plan_moves_from_the_initiator_to_the_lead(org: Org) -> None:
    collab = established(org)
    assert access.can_manage_plan(org.alice, collab)
    assert not access.can_manage_plan(org.mark, collab)
    assert access.can_manage_plan(org.pam, collab)
    services.team_set_lead(actor=org.alice, collaboration=collab, user=org.mark)
    assert access.can_manage_plan(org.mark, collab)
    assert not access.can_manage_plan(org.alice, collab)
    assert not access.can_manage_plan(org.oscar, collab)
