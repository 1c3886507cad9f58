"""A department's head (or deputy today, or the PMO) names its contact (对接人)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from concord.activity.models import Event
from concord.collaborations import services
from concord.collaborations.models import ParticipatingDepartment, Role, TeamMember
from concord.lib.errors import DomainError
from concord.orgs import services as org_services
from tests.collaborations.helpers import draft, established
from tests.personas import Org


def _engineer(org: Org, username: str = "eric") -> object:
    return org_services.person_create(
        actor=None,
        username=username,
        name="易工",
        employee_no=f"E-{username}",
        department=org.rnd,
        email=f"{username}@example.com",
        password="x-Passw0rd-1",
    ).user


def test_the_head_names_a_member_of_their_department(org: Org) -> None:
    collab = established(org)
    eric = _engineer(org)
    row = services.contact_nominate(
        actor=org.rita, collaboration=collab, department=org.rnd, person=eric
    )
    assert row.contact == eric
    assert TeamMember.objects.filter(
        collaboration=collab, user=eric, role=Role.CONTACT, department=org.rnd
    ).exists()


def test_naming_again_replaces_and_records_before_and_after(org: Org) -> None:
    collab = established(org)
    eric = _engineer(org)
    services.contact_nominate(actor=org.rita, collaboration=collab, department=org.rnd, person=eric)
    services.contact_nominate(
        actor=org.rita, collaboration=collab, department=org.rnd, person=org.rita
    )
    contacts = TeamMember.objects.filter(
        collaboration=collab, role=Role.CONTACT, department=org.rnd
    )
    assert [m.user for m in contacts] == [org.rita]
    event = Event.objects.filter(verb="collaboration.contact_nominated").first()
    assert event is not None
    assert event.before == {"department": org.rnd.pk, "contact": eric.pk}
    assert event.after == {"department": org.rnd.pk, "contact": org.rita.pk}


def test_a_person_of_another_department_is_refused(org: Org) -> None:
    collab = established(org)
    with pytest.raises(DomainError) as exc:
        services.contact_nominate(
            actor=org.rita, collaboration=collab, department=org.rnd, person=org.oscar
        )
    assert exc.value.code == "invalid"
    assert "person" in exc.value.details


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("rita", True), ("pam", True), ("mark", False), ("alice", False), ("dora", False)],
)
def test_who_may_name_the_contact_of_rnd(org: Org, who: str, allowed: bool) -> None:
    collab = established(org)
    if allowed:
        services.contact_nominate(
            actor=getattr(org, who), collaboration=collab, department=org.rnd, person=org.rita
        )
        assert (
            ParticipatingDepartment.objects.get(collaboration=collab, department=org.rnd).contact
            == org.rita
        )
    else:
        with pytest.raises(DomainError) as exc:
            services.contact_nominate(
                actor=getattr(org, who), collaboration=collab, department=org.rnd, person=org.rita
            )
        assert exc.value.code == "forbidden"


def test_the_heads_deputy_today_may_name_the_contact(org: Org) -> None:
    collab = established(org)
    today = timezone.localdate()
    eric = _engineer(org)
    org_services.delegation_create(
        actor=org.rita,
        delegator=org.rita,
        deputy=eric,
        starts_on=today,
        ends_on=today + timedelta(days=3),
    )
    services.contact_nominate(actor=eric, collaboration=collab, department=org.rnd, person=eric)


def test_a_department_not_taking_part_is_refused(org: Org) -> None:
    collab = established(org)
    with pytest.raises(DomainError) as exc:
        services.contact_nominate(
            actor=org.pam, collaboration=collab, department=org.legal, person=org.oscar
        )
    assert "department" in exc.value.details


def test_no_contact_before_establishment(org: Org) -> None:
    collab = draft(org)
    with pytest.raises(DomainError):
        services.contact_nominate(
            actor=org.pam, collaboration=collab, department=org.rnd, person=org.rita
        )
