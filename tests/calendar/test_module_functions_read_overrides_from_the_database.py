"""The module-level functions read the override table, one query per computation."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.lib import workcal
from concord.orgs import services
from tests.personas import Org

from .helpers import sh


def _fill_2027_spring_festival(org: Org) -> None:
    services.calendar_override_set_range(
        actor=org.pam, first=date(2027, 2, 6), last=date(2027, 2, 12), is_working=False
    )
    services.calendar_override_set(actor=org.pam, day=date(2027, 2, 20), is_working=True)


def test_2027_without_overrides_is_monday_to_friday(db: None) -> None:
    assert workcal.is_working_day(date(2027, 2, 8)) is True
    assert workcal.add_working_days(sh(2027, 2, 5, 10), 1) == sh(2027, 2, 8, 10)


def test_2027_with_overrides_follows_them(org: Org) -> None:
    _fill_2027_spring_festival(org)
    assert workcal.is_working_day(date(2027, 2, 8)) is False
    assert workcal.day_info(date(2027, 2, 20)).reason == workcal.Reason.OVERRIDE
    assert workcal.add_working_days(sh(2027, 2, 5, 10), 1) == sh(2027, 2, 15, 10)
    assert workcal.add_working_hours(sh(2027, 2, 5, 17), 2) == sh(2027, 2, 15, 10)
    assert workcal.previous_working_day(date(2027, 2, 15)) == date(2027, 2, 5)
    assert workcal.next_working_day(date(2027, 2, 19)) == date(2027, 2, 20)
    assert workcal.working_days_between(date(2027, 2, 5), date(2027, 2, 22)) == 7


def test_a_change_is_seen_by_the_next_call(org: Org) -> None:
    """Nothing is cached between calls, so an override applies at once."""
    assert workcal.is_working_day(date(2026, 11, 23)) is True
    services.calendar_override_set(actor=org.pam, day=date(2026, 11, 23), is_working=False)
    assert workcal.is_working_day(date(2026, 11, 23)) is False
    services.calendar_override_clear(actor=org.pam, day=date(2026, 11, 23))
    assert workcal.is_working_day(date(2026, 11, 23)) is True


def test_each_computation_is_one_query_whatever_its_length(org: Org) -> None:
    _fill_2027_spring_festival(org)
    for days in (1, 3, 60, 500):
        with CaptureQueriesContext(connection) as ctx:
            workcal.add_working_days(sh(2027, 1, 4, 10), days)
        assert len(ctx.captured_queries) == 1, days
    with CaptureQueriesContext(connection) as ctx:
        workcal.add_working_hours(sh(2027, 1, 4, 10), 900)
        workcal.working_time_between(sh(2026, 1, 4, 10), sh(2027, 12, 31, 10))
        workcal.working_days_between(date(2026, 1, 1), date(2027, 12, 31))
    assert len(ctx.captured_queries) == 3


def test_one_calendar_serves_a_whole_sweep_from_one_query(org: Org) -> None:
    _fill_2027_spring_festival(org)
    with CaptureQueriesContext(connection) as ctx:
        cal = workcal.calendar()
        cal.prefetch(date(2027, 1, 1), date(2027, 3, 31))
        for day in range(1, 28):
            cal.add_working_days(sh(2027, 2, day, 10), 2)
    assert len(ctx.captured_queries) <= 2


def test_a_sweep_over_later_and_later_starts_queries_rarely(org: Org) -> None:
    _fill_2027_spring_festival(org)
    cal = workcal.calendar()
    with CaptureQueriesContext(connection) as ctx:
        for day in range(200):
            cal.add_working_days(sh(2027, 1, 1, 10) + timedelta(days=day), 3)
    # The window grows by a quarter at a time: a few queries for 200 starts.
    assert len(ctx.captured_queries) <= 4
