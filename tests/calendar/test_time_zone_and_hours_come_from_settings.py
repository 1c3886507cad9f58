"""TIME_ZONE and the working hours are read from the settings at call time."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from concord.lib import workcal

BERLIN = ZoneInfo("Europe/Berlin")


def test_it_computes_in_another_time_zone_across_a_dst_change(settings) -> None:  # type: ignore[no-untyped-def]
    """Working hours are wall-clock hours: the night the clocks change costs nothing."""
    settings.TIME_ZONE = "Europe/Berlin"
    cal = workcal.Calendar({})
    # Clocks went back on Sunday 25 October 2026 (UTC+2 → UTC+1).
    start = datetime(2026, 10, 23, 17, tzinfo=BERLIN)  # Friday, +02:00
    result = cal.add_working_hours(start, 2)
    # 26 October is a Monday and not a holiday in the (Chinese) statutory calendar.
    assert result == datetime(2026, 10, 26, 10, tzinfo=BERLIN)
    assert result.utcoffset() == timedelta(hours=1)
    assert cal.add_working_days(start, 1) == datetime(2026, 10, 26, 17, tzinfo=BERLIN)
    assert cal.working_time_between(start, result) == timedelta(hours=2)


def test_the_module_functions_follow_the_setting(settings, db) -> None:  # type: ignore[no-untyped-def]
    settings.TIME_ZONE = "UTC"
    # 02:00 UTC on 8 October: before 09:00 UTC, so it counts from 09:00 UTC.
    start = datetime(2026, 10, 8, 2, tzinfo=ZoneInfo("UTC"))
    assert workcal.add_working_days(start, 0) == datetime(2026, 10, 8, 9, tzinfo=ZoneInfo("UTC"))


def test_the_working_hours_follow_the_settings(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONCORD_WORKDAY_START = time(8, 30)
    settings.CONCORD_WORKDAY_END = time(17, 30)
    cal = workcal.Calendar({})
    sh = ZoneInfo("Asia/Shanghai")
    assert cal.add_working_hours(datetime(2026, 11, 16, 8, tzinfo=sh), 9) == datetime(
        2026, 11, 16, 17, 30, tzinfo=sh
    )


def test_it_refuses_hours_that_end_before_they_start(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONCORD_WORKDAY_START = time(18)
    settings.CONCORD_WORKDAY_END = time(9)
    with pytest.raises(workcal.WorkcalError):
        workcal.Calendar({})
