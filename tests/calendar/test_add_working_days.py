"""`add_working_days`: the same time of day on the Nth working day after the start.

A start on a non-working day, or after the day's end, counts from the next
working day's start (09:00); a start before 09:00 on a working day counts
from 09:00 that day; 18:00 exactly keeps its time.
"""

from datetime import UTC, datetime, timedelta

import pytest

from concord.lib.workcal import Calendar, WorkcalError

from .helpers import sh

TABLE = [
    # An ordinary week.
    (sh(2026, 11, 16, 10), 0, sh(2026, 11, 16, 10)),
    (sh(2026, 11, 16, 10), 1, sh(2026, 11, 17, 10)),
    (sh(2026, 11, 20, 15, 30), 1, sh(2026, 11, 23, 15, 30)),  # Friday → Monday
    (sh(2026, 11, 16, 10), 5, sh(2026, 11, 23, 10)),
    # National Day 2026.
    (sh(2026, 9, 30, 10), 1, sh(2026, 10, 8, 10)),
    (sh(2026, 9, 30, 10), 3, sh(2026, 10, 10, 10)),  # the make-up Saturday counts
    (sh(2026, 9, 30, 10), 4, sh(2026, 10, 12, 10)),
    (sh(2026, 9, 18, 10), 1, sh(2026, 9, 20, 10)),  # make-up Sunday 20 Sept
    (sh(2026, 10, 9, 10), 1, sh(2026, 10, 10, 10)),
    # Spring Festival 2026.
    (sh(2026, 2, 13, 10), 1, sh(2026, 2, 14, 10)),  # make-up Saturday 14 Feb
    (sh(2026, 2, 14, 10), 1, sh(2026, 2, 24, 10)),
    (sh(2026, 2, 27, 16), 1, sh(2026, 2, 28, 16)),  # make-up Saturday 28 Feb
    (sh(2026, 2, 28, 16), 1, sh(2026, 3, 2, 16)),
    # Starts on non-working days count from the next working day's 09:00.
    (sh(2026, 11, 21, 14), 0, sh(2026, 11, 23, 9)),  # Saturday
    (sh(2026, 11, 21, 14), 1, sh(2026, 11, 24, 9)),
    (sh(2026, 10, 1, 11), 1, sh(2026, 10, 9, 9)),  # National Day → from 8 Oct 09:00
    (sh(2026, 2, 18, 20), 2, sh(2026, 2, 26, 9)),  # Spring Festival
    # Starts outside working hours on a working day.
    (sh(2026, 11, 16, 7, 30), 0, sh(2026, 11, 16, 9)),  # before 09:00: from 09:00
    (sh(2026, 11, 16, 7, 30), 1, sh(2026, 11, 17, 9)),
    (sh(2026, 11, 16, 20), 0, sh(2026, 11, 17, 9)),  # after 18:00: next day 09:00
    (sh(2026, 11, 16, 20), 1, sh(2026, 11, 18, 9)),
    (sh(2026, 11, 20, 23, 59), 1, sh(2026, 11, 24, 9)),  # Friday night
    (sh(2026, 11, 16, 18), 1, sh(2026, 11, 17, 18)),  # the close of day keeps its time
    (sh(2026, 11, 16, 9), 1, sh(2026, 11, 17, 9)),
    (sh(2026, 9, 30, 19), 1, sh(2026, 10, 9, 9)),  # after hours before a holiday
    # Seconds and microseconds are kept.
    (sh(2026, 11, 16, 10, 0, 7, 123), 1, sh(2026, 11, 17, 10, 0, 7, 123)),
    # A year the library does not know: Monday–Friday.
    (sh(2026, 12, 31, 10), 1, sh(2027, 1, 1, 10)),
    (sh(2027, 9, 30, 10), 1, sh(2027, 10, 1, 10)),
    # A long run: 2026 has 246 working days after 5 January (chinese_calendar.get_workdays).
    (sh(2026, 1, 5, 10), 246, sh(2026, 12, 31, 10)),
]


@pytest.mark.parametrize(("start", "days", "expected"), TABLE, ids=str)
def test_it_adds_working_days(start: datetime, days: int, expected: datetime) -> None:
    result = Calendar({}).add_working_days(start, days)
    assert result == expected
    assert result.utcoffset() == timedelta(hours=8)


def test_it_accepts_any_time_zone_and_answers_in_the_settings_zone() -> None:
    start = datetime(2026, 9, 30, 2, tzinfo=UTC)  # 10:00 in Shanghai
    result = Calendar({}).add_working_days(start, 1)
    assert result == sh(2026, 10, 8, 10)
    assert str(result.tzinfo) == "Asia/Shanghai"


def test_the_result_of_counted_days_matches_working_days_between() -> None:
    cal = Calendar({})
    start = sh(2026, 9, 14, 11)
    for n in range(40):
        assert cal.working_days_between(start.date(), cal.add_working_days(start, n).date()) == n


@pytest.mark.parametrize("days", [-1, 1.5, True, "2"])
def test_it_refuses_days_that_are_not_a_non_negative_whole_number(days: object) -> None:
    with pytest.raises(WorkcalError):
        Calendar({}).add_working_days(sh(2026, 11, 16, 10), days)  # type: ignore[arg-type]


def test_it_refuses_a_naive_datetime() -> None:
    with pytest.raises(WorkcalError):
        Calendar({}).add_working_days(datetime(2026, 11, 16, 10), 1)
