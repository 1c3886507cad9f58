"""Next and previous working days, and counting working days between two dates."""

from datetime import UTC, date

import pytest

from concord.lib.workcal import Calendar

from .helpers import sh


@pytest.mark.parametrize(
    ("day", "following", "preceding"),
    [
        (date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 17)),
        (date(2026, 11, 20), date(2026, 11, 23), date(2026, 11, 19)),
        (date(2026, 11, 21), date(2026, 11, 23), date(2026, 11, 20)),
        (date(2026, 9, 30), date(2026, 10, 8), date(2026, 9, 29)),
        (date(2026, 10, 8), date(2026, 10, 9), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 10, 8), date(2026, 9, 30)),
        (date(2026, 10, 9), date(2026, 10, 10), date(2026, 10, 8)),
        (date(2026, 10, 12), date(2026, 10, 13), date(2026, 10, 10)),
        (date(2026, 9, 19), date(2026, 9, 20), date(2026, 9, 18)),
        (date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 20)),
        (date(2026, 2, 14), date(2026, 2, 24), date(2026, 2, 13)),
        (date(2026, 2, 24), date(2026, 2, 25), date(2026, 2, 14)),
        (date(2026, 3, 2), date(2026, 3, 3), date(2026, 2, 28)),
        (date(2026, 12, 31), date(2027, 1, 1), date(2026, 12, 30)),
        (date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 1)),
    ],
    ids=str,
)
def test_next_and_previous_skip_days_off(day: date, following: date, preceding: date) -> None:
    cal = Calendar({})
    assert cal.next_working_day(day) == following
    assert cal.previous_working_day(day) == preceding


def test_the_reminder_day_before_a_due_date_respects_overrides() -> None:
    cal = Calendar({date(2027, 2, 5): False, date(2027, 2, 4): False})
    assert cal.previous_working_day(date(2027, 2, 8)) == date(2027, 2, 3)


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2026, 11, 16), date(2026, 11, 16), 0),
        (date(2026, 11, 16), date(2026, 11, 17), 1),
        (date(2026, 11, 16), date(2026, 11, 23), 5),
        (date(2026, 9, 30), date(2026, 10, 8), 1),
        (date(2026, 9, 30), date(2026, 10, 12), 4),
        (date(2026, 2, 13), date(2026, 2, 28), 6),  # 14, 24, 25, 26, 27, 28 Feb
        (date(2026, 11, 23), date(2026, 11, 16), -5),
    ],
    ids=str,
)
def test_it_counts_working_days_after_start_up_to_end(start: date, end: date, count: int) -> None:
    assert Calendar({}).working_days_between(start, end) == count


def test_a_datetime_counts_as_its_local_date() -> None:
    cal = Calendar({})
    # 23:30 UTC on 30 Sept is already 1 October in Shanghai: a holiday.
    from datetime import datetime

    assert cal.is_working_day(datetime(2026, 9, 30, 23, 30, tzinfo=UTC)) is False
    assert cal.is_working_day(sh(2026, 9, 30, 23, 30)) is True


def test_the_ends_of_the_date_range_raise_a_calendar_error_not_an_overflow() -> None:
    from concord.lib.workcal import WorkcalError

    calls: list[tuple[date, date]] = []
    cal = Calendar(loader=lambda a, b: calls.append((a, b)) or {})
    assert cal.is_working_day(date.max) is True  # a Friday, in no year the library knows
    assert cal.is_working_day(date.min) is True
    assert len(cal.month(9999, 12)) == 31
    with pytest.raises(WorkcalError):
        cal.next_working_day(date.max)
    with pytest.raises(WorkcalError):
        cal.add_working_days(sh(9999, 12, 30, 10), 5)
    # Each date was asked of the loader once at most.
    assert sum((b - a).days + 1 for a, b in calls) <= (date.max - date.min).days + 1
