"""Which days are worked: weekends, statutory holidays and make-up days (调休), from the library."""

from datetime import date, timedelta

import pytest

from concord.lib.workcal import Calendar, Reason, statutory_day

# (day, is working, reason, library holiday key)
TABLE = [
    # National Day 2026: 1–7 October off; Sunday 20 Sept and Saturday 10 Oct worked.
    (date(2026, 9, 18), True, Reason.WORKDAY, None),
    (date(2026, 9, 19), False, Reason.WEEKEND, None),
    (date(2026, 9, 20), True, Reason.MAKEUP_WORKDAY, "National Day"),
    (date(2026, 9, 30), True, Reason.WORKDAY, None),
    (date(2026, 10, 1), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 2), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 3), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 4), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 5), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 6), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 7), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2026, 10, 8), True, Reason.WORKDAY, None),
    (date(2026, 10, 9), True, Reason.WORKDAY, None),
    (date(2026, 10, 10), True, Reason.MAKEUP_WORKDAY, "National Day"),
    (date(2026, 10, 11), False, Reason.WEEKEND, None),
    # Spring Festival 2026: 15–23 Feb off; Saturdays 14 and 28 Feb worked.
    (date(2026, 2, 13), True, Reason.WORKDAY, None),
    (date(2026, 2, 14), True, Reason.MAKEUP_WORKDAY, "Spring Festival"),
    (date(2026, 2, 15), False, Reason.STATUTORY_HOLIDAY, "Spring Festival"),
    (date(2026, 2, 17), False, Reason.STATUTORY_HOLIDAY, "Spring Festival"),
    (date(2026, 2, 20), False, Reason.STATUTORY_HOLIDAY, "Spring Festival"),
    (date(2026, 2, 22), False, Reason.STATUTORY_HOLIDAY, "Spring Festival"),
    (date(2026, 2, 23), False, Reason.STATUTORY_HOLIDAY, "Spring Festival"),
    (date(2026, 2, 24), True, Reason.WORKDAY, None),
    (date(2026, 2, 28), True, Reason.MAKEUP_WORKDAY, "Spring Festival"),
    (date(2026, 3, 1), False, Reason.WEEKEND, None),
    # Ordinary weeks.
    (date(2026, 11, 20), True, Reason.WORKDAY, None),
    (date(2026, 11, 21), False, Reason.WEEKEND, None),
    (date(2026, 11, 22), False, Reason.WEEKEND, None),
    (date(2026, 11, 23), True, Reason.WORKDAY, None),
    # Other holidays the library knows.
    (date(2026, 1, 1), False, Reason.STATUTORY_HOLIDAY, "New Year's Day"),
    (date(2026, 1, 4), True, Reason.MAKEUP_WORKDAY, "New Year's Day"),
    (date(2025, 10, 8), False, Reason.STATUTORY_HOLIDAY, "National Day"),
    (date(2004, 1, 1), False, Reason.STATUTORY_HOLIDAY, "New Year's Day"),
    # 2027 is unknown to the library: Monday–Friday, whatever the holidays will be.
    (date(2027, 1, 1), True, Reason.WORKDAY, None),
    (date(2027, 2, 8), True, Reason.WORKDAY, None),
    (date(2027, 2, 6), False, Reason.WEEKEND, None),
    (date(2027, 10, 1), True, Reason.WORKDAY, None),
    (date(2003, 10, 1), True, Reason.WORKDAY, None),
]


@pytest.mark.parametrize(("day", "working", "reason", "holiday"), TABLE, ids=str)
def test_each_day_has_its_statutory_status(
    day: date, working: bool, reason: Reason, holiday: str | None
) -> None:
    cal = Calendar({})
    info = cal.day_info(day)
    assert info.is_working is working
    assert cal.is_working_day(day) is working
    assert info.reason == reason
    assert info.holiday == holiday


def test_it_agrees_with_the_library_on_every_day_it_knows() -> None:
    """Every date from 2004 to 2026, checked against chinese_calendar's own answer."""
    import chinese_calendar

    cal = Calendar({})
    day, last = date(2004, 1, 1), date(2026, 12, 31)
    checked = 0
    while day <= last:
        assert cal.is_working_day(day) is chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
        checked += 1
    assert checked == 8401


def test_it_says_whether_the_library_knows_the_year() -> None:
    assert statutory_day(date(2026, 12, 31)).statutory_known is True
    assert statutory_day(date(2027, 1, 1)).statutory_known is False
    assert statutory_day(date(2003, 12, 31)).statutory_known is False


def test_it_names_holidays_in_the_active_language() -> None:
    from django.utils import translation

    info = Calendar({}).day_info(date(2026, 10, 1))
    with translation.override("en"):
        assert info.holiday_label == "National Day"
    assert Calendar({}).day_info(date(2026, 10, 8)).holiday_label == ""


def test_a_whole_month_is_listed_in_order() -> None:
    days = Calendar({}).month(2026, 2)
    assert [d.day for d in days] == [date(2026, 2, n) for n in range(1, 29)]
    # 20 weekdays, 6 of them holidays (16–20 and 23 Feb), plus the 2 make-up Saturdays.
    assert sum(d.is_working for d in days) == 16
