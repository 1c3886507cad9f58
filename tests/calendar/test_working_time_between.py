"""`working_time_between`: the working time between two instants; negative when reversed."""

from datetime import datetime, timedelta

import pytest

from concord.lib.workcal import Calendar, WorkcalError

from .helpers import sh

H = timedelta(hours=1)

TABLE = [
    (sh(2026, 11, 16, 10), sh(2026, 11, 16, 10), 0 * H),
    (sh(2026, 11, 16, 10), sh(2026, 11, 16, 12), 2 * H),
    (sh(2026, 11, 16, 7), sh(2026, 11, 16, 20), 9 * H),
    (sh(2026, 11, 16, 19), sh(2026, 11, 17, 8), 0 * H),  # overnight
    (sh(2026, 11, 20, 17), sh(2026, 11, 23, 10), 2 * H),  # weekend
    (sh(2026, 11, 21, 9), sh(2026, 11, 22, 18), 0 * H),
    (sh(2026, 11, 16, 9), sh(2026, 11, 23, 9), 45 * H),
    (sh(2026, 9, 30, 17), sh(2026, 10, 8, 10), 2 * H),  # National Day
    (sh(2026, 10, 9, 17), sh(2026, 10, 12, 10), 11 * H),  # make-up Saturday in between
    (sh(2026, 2, 13, 9), sh(2026, 2, 24, 18), 27 * H),  # 13, 14 (make-up), 24 Feb
    (sh(2026, 11, 16, 10, 15), sh(2026, 11, 16, 10, 45, 30), timedelta(minutes=30, seconds=30)),
]


@pytest.mark.parametrize(("start", "end", "expected"), TABLE, ids=str)
def test_it_measures_working_time(start: datetime, end: datetime, expected: timedelta) -> None:
    assert Calendar({}).working_time_between(start, end) == expected


@pytest.mark.parametrize(("start", "end", "expected"), TABLE, ids=str)
def test_it_is_negative_when_end_is_before_start(
    start: datetime, end: datetime, expected: timedelta
) -> None:
    assert Calendar({}).working_time_between(end, start) == -expected


def test_it_refuses_naive_datetimes() -> None:
    with pytest.raises(WorkcalError):
        Calendar({}).working_time_between(datetime(2026, 1, 5, 9), sh(2026, 1, 5, 10))
