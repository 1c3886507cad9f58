"""A collaboration has exactly one lead department (牵头部门)."""

import pytest

from concord.activity.models import Event
from concord.collaborations import services
from concord.collaborations.models import ParticipatingDepartment
from concord.lib.errors import DomainError
from tests.collaborations.helpers import established
from tests.personas import Org


def _leads(collab: object) -> list[int]:
    return list(
        ParticipatingDepartment.objects.filter(collaboration=collab, is_lead=True).values_list(
            "department_id", flat=True
        )
    )


def test_the_initiating_department_leads_when_established(org: Org) -> None:
    collab = established(org)
    assert _leads(collab) == [org.market.pk]


def test_choosing_another_lead_department_moves_the_lead(org: Org) -> None:
    """The old lead department stops leading; one event records the move."""
    collab = established(org)
    services.department_set_lead(actor=org.alice, collaboration=collab, department=org.rnd)
    assert _leads(collab) == [org.rnd.pk]
    event = Event.objects.get(verb="collaboration.lead_department_set")
    assert event.before == {"department": org.market.pk}
    assert event.after == {"department": org.rnd.pk}


def test_a_department_not_taking_part_cannot_lead(org: Org) -> None:
    collab = established(org)
    with pytest.raises(DomainError) as exc:
        services.department_set_lead(actor=org.alice, collaboration=collab, department=org.legal)
    assert "department" in exc.value.details
    assert _leads(collab) == [org.market.pk]


def test_choosing_the_current_lead_again_is_a_conflict(org: Org) -> None:
    collab = established(org)
    with pytest.raises(DomainError) as exc:
        services.department_set_lead(actor=org.alice, collaboration=collab, department=org.market)
    assert exc.value.code == "conflict"
