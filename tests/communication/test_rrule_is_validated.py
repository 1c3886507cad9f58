"""A meeting row's recurrence must be an RFC 5545 rule dateutil can read."""

import pytest

from concord.communication import services
from concord.communication.inputs import ItemInput, check_rrule
from concord.lib.errors import DomainError
from tests.collaborations.helpers import established
from tests.personas import Org


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("FREQ=WEEKLY;BYDAY=FR", "FREQ=WEEKLY;BYDAY=FR"),
        ("RRULE:freq=daily;byday=MO,TU,WE,TH,FR", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
        ("", ""),
    ],
)
def test_it_accepts_valid_rules(text: str, clean: str) -> None:
    assert check_rrule(text) == clean


@pytest.mark.parametrize(
    "text",
    [
        "every friday",
        "FREQ=FORTNIGHTLY",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=MINUTELY",
        "DTSTART:20260101T090000\nRRULE:FREQ=DAILY",
    ],
)
def test_it_refuses_invalid_rules(text: str) -> None:
    with pytest.raises(DomainError) as exc:
        check_rrule(text)
    assert "rrule" in exc.value.details


def test_an_item_with_a_bad_rule_is_not_saved(org: Org) -> None:
    collab = established(org)
    plan = services.comm_plan_create(actor=org.alice, collaboration=collab)
    count = plan.items.count()
    with pytest.raises(DomainError):
        services.comm_item_add(
            actor=org.alice,
            collaboration=collab,
            data=ItemInput(topic="需求评审", channel="meeting", rrule="FREQ=SOMETIMES"),
        )
    assert plan.items.count() == count


def test_only_meetings_recur(org: Org) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    with pytest.raises(DomainError) as exc:
        services.comm_item_add(
            actor=org.alice,
            collaboration=collab,
            data=ItemInput(topic="周报", channel="email", rrule="FREQ=WEEKLY"),
        )
    assert "rrule" in exc.value.details
