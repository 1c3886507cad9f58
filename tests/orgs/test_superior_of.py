"""superior_of: manager, else the department head, else a head further up."""

from concord.orgs import services
from concord.orgs.selectors import department_chain_up, superior_of
from tests.personas import Org


def test_it_prefers_the_manager(org: Org) -> None:
    assert superior_of(org.alice) == org.mark
    assert superior_of(org.mark) == org.dora


def test_without_a_manager_it_is_the_department_head(org: Org) -> None:
    """oscar has no manager and 法务部 no head: the head of 总经办 above it."""
    assert superior_of(org.oscar) == org.grace
    services.department_set_head(actor=org.pam, department=org.legal, head=org.oscar)
    assert superior_of(org.oscar) == org.grace


def test_the_head_of_a_department_without_manager_gets_the_parent_head(org: Org) -> None:
    services.person_update(actor=org.pam, person=org.rita.person, manager=None)
    assert superior_of(org.rita) == org.grace


def test_the_top_has_no_superior(org: Org) -> None:
    assert superior_of(org.grace) is None


def test_it_lists_the_chain_up_to_the_top(org: Org) -> None:
    assert [d.code for d in department_chain_up(org.market)] == ["market", "gmo"]
