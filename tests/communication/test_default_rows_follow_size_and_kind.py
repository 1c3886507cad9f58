"""The proposed rows follow the collaboration's size and kind."""

import pytest

from concord.collaborations.models import Kind
from concord.communication import selectors, services
from concord.communication.defaults import proposed_items, size_for
from concord.communication.models import Channel, EscalationLevel, Size
from tests.collaborations.helpers import established
from tests.personas import Org


@pytest.mark.parametrize(
    ("people", "size"), [(0, "small"), (5, "small"), (6, "medium"), (20, "medium"), (21, "large")]
)
def test_size_thresholds(people: int, size: str) -> None:
    assert size_for(people) == size


def test_a_small_project_gets_a_daily_standup_of_at_most_15_minutes(org: Org) -> None:
    collab = established(org, people_count=4)
    plan = services.comm_plan_create(actor=org.alice, collaboration=collab)
    origins = list(plan.items.values_list("origin", flat=True))
    assert origins[0] == "standup"
    assert "weekly" not in origins
    standup = plan.items.get(origin="standup")
    assert "15" in standup.frequency
    assert standup.rrule.startswith("FREQ=DAILY")
    assert {"milestone_review", "escalation"} <= set(origins)
    assert set(plan.items.values_list("channel", flat=True)) == set(Channel.values)


def test_a_medium_project_gets_a_weekly_meeting_at_a_fixed_time(org: Org) -> None:
    collab = established(org, people_count=12)
    plan = services.comm_plan_create(actor=org.alice, collaboration=collab)
    weekly = plan.items.get(origin="weekly")
    assert weekly.rrule == "FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0"
    assert not plan.items.filter(origin="standup").exists()
    assert selectors.effective_size(collab, plan) == Size.MEDIUM


def test_the_size_can_be_overridden_and_the_cadence_follows(org: Org) -> None:
    collab = established(org, people_count=12)
    plan = services.comm_plan_create(actor=org.alice, collaboration=collab, size=Size.SMALL)
    assert plan.items.filter(origin="standup").exists()
    services.comm_plan_resize(actor=org.alice, collaboration=collab, size=Size.LARGE)
    assert plan.items.filter(origin="weekly").count() == 1
    assert not plan.items.filter(origin="standup").exists()
    assert plan.items.order_by("position", "id").first().origin == "weekly"


def test_a_coordination_has_no_milestone_review() -> None:
    origins = [row.origin for row in proposed_items(Kind.COORDINATION, Size.SMALL)]
    assert "milestone_review" not in origins
    assert "escalation" in origins


def test_the_plan_starts_with_the_three_escalation_levels(org: Org) -> None:
    collab = established(org)
    plan = services.comm_plan_create(actor=org.alice, collaboration=collab)
    rows = EscalationLevel.objects.filter(plan=plan).order_by("level")
    assert [(r.level, r.limit_value, r.limit_unit) for r in rows] == [
        (1, 24, "clock_hours"),
        (2, 48, "clock_hours"),
        (3, 3, "working_days"),
    ]
