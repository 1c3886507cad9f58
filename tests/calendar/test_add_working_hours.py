"""`add_working_hours`: time runs only from 09:00 to 18:00 on working days."""

from datetime import datetime, timedelta

import pytest

from concord.lib.workcal import Calendar, WorkcalError

from .helpers import sh

TABLE = [
    (sh(2026, 11, 16, 10), 0, sh(2026, 11, 16, 10)),
    (sh(2026, 11, 16, 10), 2, sh(2026, 11, 16, 12)),
    (sh(2026, 11, 16, 10), 8, sh(2026, 11, 16, 18)),  # lands on the close: stays there
    (sh(2026, 11, 16, 10), 8.5, sh(2026, 11, 17, 9, 30)),
    (sh(2026, 11, 16, 9), 9, sh(2026, 11, 16, 18)),
    (sh(2026, 11, 16, 9), 18, sh(2026, 11, 17, 18)),
    (sh(2026, 11, 16, 9), 45, sh(2026, 11, 20, 18)),  # a working week
    (sh(2026, 11, 16, 9), 45.25, sh(2026, 11, 23, 9, 15)),
    (sh(2026, 11, 20, 17), 2, sh(2026, 11, 23, 10)),  # over the weekend
    (sh(2026, 11, 16, 17, 59), 1 / 60, sh(2026, 11, 16, 18)),
    # Starts outside working hours wait for the next working period.
    (sh(2026, 11, 16, 7), 1, sh(2026, 11, 16, 10)),
    (sh(2026, 11, 16, 19), 1, sh(2026, 11, 17, 10)),
    (sh(2026, 11, 16, 18), 1, sh(2026, 11, 17, 10)),
    (sh(2026, 11, 21, 12), 1, sh(2026, 11, 23, 10)),  # Saturday
    (sh(2026, 11, 21, 12), 0, sh(2026, 11, 23, 9)),
    # National Day 2026.
    (sh(2026, 9, 30, 17), 2, sh(2026, 10, 8, 10)),
    (sh(2026, 10, 3, 10), 4, sh(2026, 10, 8, 13)),
    (sh(2026, 10, 9, 17), 2, sh(2026, 10, 10, 10)),  # make-up Saturday
    (sh(2026, 9, 18, 17), 2, sh(2026, 9, 20, 10)),  # make-up Sunday
    # Spring Festival 2026.
    (sh(2026, 2, 13, 17), 2, sh(2026, 2, 14, 10)),
    (sh(2026, 2, 14, 17), 2, sh(2026, 2, 24, 10)),
    (sh(2026, 2, 16, 10), 9, sh(2026, 2, 24, 18)),
    # 2027, unknown to the library: Monday–Friday.
    (sh(2027, 2, 5, 17), 2, sh(2027, 2, 8, 10)),
]


@pytest.mark.parametrize(("start", "hours", "expected"), TABLE, ids=str)
def test_it_adds_working_hours(start: datetime, hours: float, expected: datetime) -> None:
    assert Calendar({}).add_working_hours(start, hours) == expected


def test_working_time_is_the_general_form() -> None:
    cal = Calendar({})
    start = sh(2026, 9, 30, 17)
    assert cal.add_working_time(start, timedelta(minutes=90)) == sh(2026, 10, 8, 9, 30)


def test_adding_then_measuring_gives_back_the_amount() -> None:
    cal = Calendar({})
    start = sh(2026, 9, 28, 9, 40)
    for quarter_hours in range(0, 400, 7):
        hours = quarter_hours / 4
        end = cal.add_working_hours(start, hours)
        assert cal.working_time_between(start, end) == timedelta(hours=hours)


@pytest.mark.parametrize("hours", [-1, float("nan"), float("inf"), "2", True])
def test_it_refuses_bad_amounts(hours: object) -> None:
    with pytest.raises(WorkcalError):
        Calendar({}).add_working_hours(sh(2026, 11, 16, 10), hours)  # type: ignore[arg-type]
