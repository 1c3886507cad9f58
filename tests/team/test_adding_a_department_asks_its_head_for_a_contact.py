"""Adding a department asks its head to name a contact (对接人), with a link to the form."""

import pytest

from concord.activity.models import Event
from concord.collaborations import services
from concord.collaborations.models import ParticipatingDepartment
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.orgs import services as org_services
from tests.collaborations.helpers import established
from tests.personas import Org
from tests.team.helpers import employee


def test_it_notifies_the_head_with_a_link_to_the_nomination_form(org: Org) -> None:
    collab = established(org)
    lena = employee(org.legal, "lena", "林律师")
    org_services.department_set_head(actor=None, department=org.legal, head=lena)
    row = services.department_add(actor=org.alice, collaboration=collab, department=org.legal)
    assert row.contact is None
    note = Notification.objects.get(recipient=lena, kind="collaborations.name_contact")
    assert note.url.endswith(f"#department-{org.legal.pk}")
    assert Event.objects.filter(verb="collaboration.department_added").count() == 1


def test_the_new_head_can_then_name_the_contact(org: Org) -> None:
    collab = established(org)
    lena = employee(org.legal, "lena", "林律师")
    org_services.department_set_head(actor=None, department=org.legal, head=lena)
    services.department_add(actor=org.alice, collaboration=collab, department=org.legal)
    services.contact_nominate(
        actor=lena, collaboration=collab, department=org.legal, person=org.oscar
    )
    assert (
        ParticipatingDepartment.objects.get(collaboration=collab, department=org.legal).contact
        == org.oscar
    )


def test_a_department_is_added_once(org: Org) -> None:
    collab = established(org)
    with pytest.raises(DomainError) as exc:
        services.department_add(actor=org.alice, collaboration=collab, department=org.rnd)
    assert exc.value.code == "conflict"
