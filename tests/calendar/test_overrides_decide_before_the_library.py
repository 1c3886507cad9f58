"""An override is stronger than the library; it is how unknown years (2027) are filled in."""

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from concord.lib.workcal import Calendar, Reason

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("day", "override", "working"),
    [
        (date(2027, 2, 8), False, False),  # a 2027 Spring Festival weekday made a day off
        (date(2027, 2, 20), True, True),  # a 2027 make-up Saturday
        (date(2026, 10, 10), False, False),  # a make-up day cancelled
        (date(2026, 10, 1), True, True),  # a holiday worked
        (date(2026, 11, 23), False, False),  # a company day off
        (date(2026, 11, 21), True, True),  # a company working Saturday
    ],
    ids=str,
)
def test_an_override_wins(day: date, override: bool, working: bool) -> None:
    info = Calendar({day: override}).day_info(day)
    assert info.is_working is working
    assert info.reason == Reason.OVERRIDE


def test_an_override_keeps_the_holiday_name_for_display() -> None:
    info = Calendar({date(2026, 10, 10): False}).day_info(date(2026, 10, 10))
    assert info.holiday == "National Day"


def test_2027_is_monday_to_friday_until_overridden() -> None:
    """Without overrides, 2027's Spring Festival week is worked; with them, it is not."""
    plain = Calendar({})
    start = datetime(2027, 2, 5, 10, tzinfo=SH)  # Friday
    assert plain.add_working_days(start, 1) == datetime(2027, 2, 8, 10, tzinfo=SH)

    holiday = {date(2027, 2, d): False for d in range(8, 13)} | {date(2027, 2, 20): True}
    filled = Calendar(holiday)
    assert filled.add_working_days(start, 1) == datetime(2027, 2, 15, 10, tzinfo=SH)
    assert filled.add_working_days(start, 6) == datetime(2027, 2, 20, 10, tzinfo=SH)


def test_a_loader_is_asked_for_a_window_not_for_each_day() -> None:
    calls: list[tuple[date, date]] = []

    def loader(first: date, last: date) -> dict[date, bool]:
        calls.append((first, last))
        return {date(2027, 2, 8): False}

    cal = Calendar(loader=loader)
    result = cal.add_working_days(datetime(2027, 2, 5, 10, tzinfo=SH), 20)
    assert result == datetime(2027, 3, 8, 10, tzinfo=SH)
    assert len(calls) == 1
    # A second computation in the same window asks nothing more.
    cal.working_time_between(
        datetime(2027, 2, 5, 10, tzinfo=SH), datetime(2027, 2, 20, 10, tzinfo=SH)
    )
    assert len(calls) == 1


def test_a_loader_is_asked_again_only_beyond_what_it_gave() -> None:
    calls: list[tuple[date, date]] = []

    def loader(first: date, last: date) -> dict[date, bool]:
        calls.append((first, last))
        return {}

    cal = Calendar(loader=loader)
    cal.is_working_day(date(2027, 1, 4))
    cal.is_working_day(date(2027, 1, 5))
    cal.is_working_day(date(2028, 6, 1))
    cal.is_working_day(date(2026, 1, 1))
    assert len(calls) == 3
    # The windows never overlap: each date is fetched once.
    spans = sorted(calls)
    for (_a, b), (c, _d) in itertools.pairwise(spans):
        assert b < c
