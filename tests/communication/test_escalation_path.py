"""The escalation path: levels 1/2/3 with time limits and resolved handlers."""

from datetime import datetime
from zoneinfo import ZoneInfo

from concord.collaborations import services as collab_services
from concord.communication import services
from concord.communication.selectors import escalation_path
from tests.collaborations.helpers import established
from tests.personas import Org

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_without_a_plan_it_returns_the_configured_defaults(org: Org) -> None:
    """Level 2 falls back to the initiator, level 3 to the VP over the department."""
    collab = established(org)
    path = escalation_path(collab)
    assert [(r.level, r.role, r.limit_value, r.limit_unit) for r in path] == [
        (1, "parties", 24, "clock_hours"),
        (2, "lead", 48, "clock_hours"),
        (3, "sponsor", 3, "working_days"),
    ]
    assert [r.handlers for r in path] == [[], [org.alice], [org.victor]]


def test_the_defaults_come_from_settings(org: Org, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONCORD_ESCALATION_DEFAULTS = ["8 working_hours", "2 working_days", "5 working_days"]
    collab = established(org)
    assert [(r.limit_value, r.limit_unit) for r in escalation_path(collab)] == [
        (8, "working_hours"),
        (2, "working_days"),
        (5, "working_days"),
    ]


def test_the_lead_and_sponsor_handle_levels_2_and_3(org: Org) -> None:
    collab = established(org)
    collab_services.team_set_lead(actor=org.alice, collaboration=collab, user=org.mark)
    collab_services.team_set_sponsor(actor=org.alice, collaboration=collab, user=org.dora)
    path = escalation_path(collab)
    assert path[1].handlers == [org.mark]
    assert path[2].handlers == [org.dora]


def test_a_named_handler_and_a_changed_limit_win(org: Org) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    services.comm_level_update(
        actor=org.alice,
        collaboration=collab,
        level=1,
        handler=org.rita,
        limit_value=4,
        limit_unit="working_hours",
    )
    first = escalation_path(collab)[0]
    assert first.handlers == [org.rita]
    assert (first.limit_value, first.limit_unit) == (4, "working_hours")


def test_deadlines_use_the_working_calendar_for_working_days(org: Org) -> None:
    """Friday 10:00 + 3 working days is the next Wednesday 10:00; + 24 h is Saturday."""
    collab = established(org)
    path = escalation_path(collab)
    friday = datetime(2026, 6, 5, 10, 0, tzinfo=SHANGHAI)
    assert path[0].deadline_from(friday) == datetime(2026, 6, 6, 10, 0, tzinfo=SHANGHAI)
    assert path[2].deadline_from(friday) == datetime(2026, 6, 10, 10, 0, tzinfo=SHANGHAI)
