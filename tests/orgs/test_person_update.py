"""person_update and person_deactivate."""

import pytest

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.orgs import services
from concord.orgs.models import Level
from tests.personas import Org


def test_it_changes_the_profile_and_records_before_and_after(org: Org) -> None:
    person = services.person_update(
        actor=org.pam,
        person=org.alice.person,
        department=org.rnd,
        title="研发专员",
        manager=org.rita,
        level=Level.STAFF,
        email="alice@corp.example",
        phone="13800000000",
        language="en",
        is_pmo=False,
    )
    assert person.department == org.rnd
    assert person.manager == org.rita
    assert person.user.email == "alice@corp.example"
    event = Event.objects.get(verb="person.updated")
    assert event.before["department"] == org.market.pk
    assert event.after["department"] == org.rnd.pk


def test_it_clears_the_manager_with_none(org: Org) -> None:
    person = services.person_update(actor=org.pam, person=org.alice.person, manager=None)
    assert person.manager is None


def test_it_refuses_a_manager_cycle(org: Org) -> None:
    """dora manages mark, who manages alice: alice cannot become dora's manager."""
    with pytest.raises(DomainError) as exc:
        services.person_update(actor=org.pam, person=org.dora.person, manager=org.alice)
    assert "manager" in exc.value.details
    with pytest.raises(DomainError):
        services.person_update(actor=org.pam, person=org.alice.person, manager=org.alice)


def test_it_refuses_a_bad_level_and_a_bad_email(org: Org) -> None:
    with pytest.raises(DomainError):
        services.person_update(actor=org.pam, person=org.alice.person, level="emperor")
    with pytest.raises(DomainError):
        services.person_update(actor=org.pam, person=org.alice.person, email="not-an-email")


def test_a_person_may_change_their_own_language_only(org: Org) -> None:
    services.person_update(actor=org.alice, person=org.alice.person, language="en")
    with pytest.raises(DomainError) as exc:
        services.person_update(actor=org.alice, person=org.alice.person, title="CEO")
    assert exc.value.code == "forbidden"


def test_it_deactivates_a_person(org: Org) -> None:
    person = services.person_deactivate(actor=org.pam, person=org.alice.person)
    assert person.user.is_active is False
    assert Event.objects.filter(verb="person.deactivated").count() == 1
    with pytest.raises(DomainError) as exc:
        services.person_deactivate(actor=org.pam, person=org.alice.person)
    assert exc.value.code == "conflict"


def test_it_refuses_to_deactivate_a_department_head(org: Org) -> None:
    with pytest.raises(DomainError) as exc:
        services.person_deactivate(actor=org.pam, person=org.mark.person)
    assert exc.value.code == "conflict"


def test_a_deactivated_department_can_then_be_emptied_and_closed(org: Org) -> None:
    services.person_deactivate(actor=org.pam, person=org.oscar.person)
    dept = services.department_update(actor=org.pam, department=org.legal, is_active=False)
    assert dept.is_active is False
