"""Each participating department's contact confirms the plan (《沟通机制确认表》)."""

import pytest

from concord.activity.models import Event
from concord.communication import selectors, services
from concord.communication.inputs import ItemInput
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from tests.collaborations.helpers import established
from tests.personas import Org


def test_proposing_the_plan_asks_each_department_to_confirm(org: Org) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.pam, collaboration=collab)
    # 市场部's contact is alice; 研发部 has no contact yet, so its head is asked.
    asked = set(
        Notification.objects.filter(kind="communication.confirm").values_list(
            "recipient__username", flat=True
        )
    )
    assert asked == {"alice", "rita"}


def test_all_departments_confirm_and_an_edit_asks_again(org: Org) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    services.comm_plan_confirm(actor=org.alice, collaboration=collab, department=org.market)
    view = selectors.plan_view(collab)
    assert view is not None
    assert not view.all_confirmed
    services.comm_plan_confirm(actor=org.rita, collaboration=collab, department=org.rnd)
    view = selectors.plan_view(collab)
    assert view is not None
    assert view.all_confirmed
    assert Event.objects.filter(verb="communication.confirmed").count() == 2
    services.comm_item_add(
        actor=org.alice, collaboration=collab, data=ItemInput(topic="需求评审", channel="meeting")
    )
    view = selectors.plan_view(collab)
    assert view is not None
    assert not view.all_confirmed
    assert all(c.confirmation is not None and not c.current for c in view.confirmations)


@pytest.mark.parametrize("who", ["mark", "oscar", "dora"])
def test_others_cannot_confirm_for_a_department(org: Org, who: str) -> None:
    """Only its contact, its head (or deputy) and the PMO confirm for 研发部."""
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    with pytest.raises(DomainError) as exc:
        services.comm_plan_confirm(
            actor=getattr(org, who), collaboration=collab, department=org.rnd
        )
    assert exc.value.code == "forbidden"


def test_confirming_twice_is_a_conflict(org: Org) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    services.comm_plan_confirm(actor=org.pam, collaboration=collab, department=org.rnd)
    with pytest.raises(DomainError) as exc:
        services.comm_plan_confirm(actor=org.rita, collaboration=collab, department=org.rnd)
    assert exc.value.code == "conflict"
