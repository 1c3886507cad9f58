"""The working calendar (工作日历): which days are worked, and working-time maths.

A day's status is decided, strongest first, by:

1. an override (an admin's word on one date: working or not);
2. the statutory calendar of the `chinesecalendar` library, for the years it
   knows: public holidays are off, make-up working days (调休) are worked;
3. otherwise Monday–Friday are worked, Saturday and Sunday are off. This is
   also the whole rule for years the library does not know yet (2027 at the
   time of writing) until overrides fill them in.

Working hours are `settings.CONCORD_WORKDAY_START`–`CONCORD_WORKDAY_END`
(09:00–18:00 by default) in `settings.TIME_ZONE`, both read at call time.
Hours are wall-clock times: a working day is from its start to its end on
the local clock, whatever a DST change does at night.

Datetime arguments must be aware (a naive one raises `WorkcalError`); they
are converted to `TIME_ZONE`, and every datetime returned is aware, in that
zone.

The module stays free of models. `Calendar` takes overrides as a mapping
or as a loader `(first, last) -> {date: is_working}`; the module-level
functions build a fresh `Calendar` per call on the loader registered with
`set_override_loader` (the orgs app registers one reading its
`CalendarOverride` table), and each call loads the overrides of the window it
computes over in one query. To run many computations against one snapshot
(a sweep, a list page), build one `calendar()` and reuse it: it loads each
window once.
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import chinese_calendar
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

OverrideLoader = Callable[[date, date], Mapping[date, bool]]

#: The most days any search for a working day walks before giving up; only
#: a calendar whose overrides switch off ten whole years can reach it.
MAX_SEARCH_DAYS = 3660

# Windows are fetched with a margin so that a computation which walks a
# little further than estimated rarely needs a second query.
_WINDOW_MARGIN_DAYS = 21
_CHUNK_DAYS = 92


class WorkcalError(ValueError):
    """An argument the working calendar cannot compute with (naive, negative, out of range)."""


class Reason(enum.StrEnum):
    """Why a day is, or is not, a working day."""

    STATUTORY_HOLIDAY = "statutory_holiday"
    MAKEUP_WORKDAY = "makeup_workday"
    WEEKEND = "weekend"
    WORKDAY = "workday"
    OVERRIDE = "override"


REASON_LABELS: dict[Reason, Promise] = {
    Reason.STATUTORY_HOLIDAY: _("Public holiday"),
    # Translators: 调休 — a weekend day worked to make up for a holiday.
    Reason.MAKEUP_WORKDAY: _("Make-up working day"),
    Reason.WEEKEND: _("Weekend"),
    Reason.WORKDAY: _("Working day"),
    Reason.OVERRIDE: _("Overridden"),
}

# The library names holidays in English; these are the names shown to users.
HOLIDAY_LABELS: dict[str, Promise] = {
    # Translators: 元旦
    "New Year's Day": _("New Year's Day"),
    # Translators: 春节
    "Spring Festival": _("Spring Festival"),
    # Translators: 清明
    "Tomb-sweeping Day": _("Tomb-sweeping Day"),
    # Translators: 劳动节
    "Labour Day": _("Labour Day"),
    # Translators: 端午
    "Dragon Boat Festival": _("Dragon Boat Festival"),
    # Translators: 国庆节
    "National Day": _("National Day"),
    # Translators: 中秋
    "Mid-autumn Festival": _("Mid-autumn Festival"),
    "Anti-Fascist 70th Day": _("Victory Day (70th anniversary)"),
}


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one date."""

    day: date
    is_working: bool
    reason: Reason
    # The library's (English) key of the holiday this day belongs to, for a
    # statutory holiday or a make-up day; None otherwise.
    holiday: str | None = None
    # Whether the library knows this day's year at all.
    statutory_known: bool = True

    @property
    def holiday_label(self) -> str:
        """Return the holiday's name in the active language ('' when none)."""
        if self.holiday is None:
            return ""
        return str(HOLIDAY_LABELS.get(self.holiday, self.holiday))

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason])


@functools.cache
def _library_years() -> tuple[int, int]:
    years = [d.year for d in chinese_calendar.holidays]
    return min(years), max(years)


def statutory_known(day: date) -> bool:
    """Return whether the holiday library covers `day`'s year."""
    first, last = _library_years()
    return first <= day.year <= last


def statutory_day(day: date) -> DayInfo:
    """Return the day's status from the library and weekends alone, ignoring overrides."""
    weekend = day.weekday() >= 5
    if not statutory_known(day):
        return DayInfo(
            day,
            not weekend,
            Reason.WEEKEND if weekend else Reason.WORKDAY,
            statutory_known=False,
        )
    # The library's own functions re-validate the year range on every call
    # (a scan of all its keys); its tables are public and O(1) to read.
    makeup = chinese_calendar.workdays.get(day)
    if makeup is not None:
        return DayInfo(day, True, Reason.MAKEUP_WORKDAY, makeup)
    holiday = chinese_calendar.holidays.get(day)
    if holiday is not None:
        return DayInfo(day, False, Reason.STATUTORY_HOLIDAY, holiday)
    return DayInfo(day, not weekend, Reason.WEEKEND if weekend else Reason.WORKDAY)


_override_loader: OverrideLoader | None = None


def set_override_loader(loader: OverrideLoader | None) -> None:
    """Register where the module-level functions read overrides from (None: nowhere)."""
    global _override_loader
    _override_loader = loader


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise WorkcalError("date out of range") from None


def _shift_within(day: date, days: int) -> date:
    """Shift `day`, stopping at the ends of the date range (for windows to load)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


class Calendar:
    """Working days and working hours over a fixed set of overrides.

    `overrides` maps dates to is-working for callers that already hold
    them; `loader` fetches them by window on demand (each window once per
    instance). The time zone and hours default to the settings.
    """

    def __init__(
        self,
        overrides: Mapping[date, bool] | None = None,
        *,
        loader: OverrideLoader | None = None,
        tz: tzinfo | None = None,
        day_start: time | None = None,
        day_end: time | None = None,
    ) -> None:
        self.tz = tz or ZoneInfo(settings.TIME_ZONE)
        self.day_start = day_start or settings.CONCORD_WORKDAY_START
        self.day_end = day_end or settings.CONCORD_WORKDAY_END
        if self.day_start >= self.day_end:
            raise WorkcalError("the working day must start before it ends")
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._loader = loader
        # The span of dates whose overrides are loaded; None before the
        # first load. Without a loader every date counts as loaded.
        self._loaded: tuple[date, date] | None = None

    # --- days -----------------------------------------------------------

    def prefetch(self, first: date, last: date) -> None:
        """Load the overrides of [first, last] now: one query for each side not loaded yet."""
        if self._loader is None or first > last:
            return
        if self._loaded is not None:
            lo, hi = self._loaded
            if lo <= first and last <= hi:
                return
            # Keep the loaded span contiguous so that one pair of bounds
            # says what is known, and grow it by a chunk at least, so that a
            # sweep over later and later starts does not query each time.
            fetch = []
            if first < lo:
                first = min(first, _shift_within(lo, -_CHUNK_DAYS))
                fetch.append((first, lo - timedelta(days=1)))
            if last > hi:
                last = max(last, _shift_within(hi, _CHUNK_DAYS))
                fetch.append((hi + timedelta(days=1), last))
            first, last = min(first, lo), max(last, hi)
        else:
            fetch = [(first, last)]
        for a, b in fetch:
            if a <= b:
                self._overrides.update(self._loader(a, b))
        self._loaded = (first, last)

    def _override(self, day: date) -> bool | None:
        if self._loader is not None and (
            self._loaded is None or not self._loaded[0] <= day <= self._loaded[1]
        ):
            if self._loaded is None:
                self.prefetch(day, _shift_within(day, _CHUNK_DAYS))
            elif day > self._loaded[1]:
                self.prefetch(self._loaded[0], _shift_within(day, _CHUNK_DAYS))
            else:
                self.prefetch(_shift_within(day, -_CHUNK_DAYS), self._loaded[1])
        return self._overrides.get(day)

    def day_info(self, day: date | datetime) -> DayInfo:
        """Return the status of a date (a datetime counts as its local date)."""
        day = self._as_date(day)
        info = statutory_day(day)
        override = self._override(day)
        if override is None:
            return info
        return DayInfo(day, override, Reason.OVERRIDE, info.holiday, info.statutory_known)

    def is_working_day(self, day: date | datetime) -> bool:
        return self.day_info(day).is_working

    def next_working_day(self, day: date | datetime) -> date:
        """Return the first working day strictly after `day`."""
        return self._search(self._as_date(day), 1)

    def previous_working_day(self, day: date | datetime) -> date:
        """Return the last working day strictly before `day` (say, a reminder's day)."""
        return self._search(self._as_date(day), -1)

    def _search(self, day: date, step: int) -> date:
        for _i in range(MAX_SEARCH_DAYS):
            day = _shift(day, step)
            if self.is_working_day(day):
                return day
        raise WorkcalError("no working day within ten years")

    def working_days_between(self, start: date | datetime, end: date | datetime) -> int:
        """Return how many working days lie after `start` up to and including `end`.

        So `working_days_between(d, add_working_days(t, n).date()) == n` when
        `t` falls within working hours on the working day `d`. The count is
        antisymmetric: an `end` before `start` gives the negative count.
        """
        a, b = self._as_date(start), self._as_date(end)
        if b < a:
            return -self.working_days_between(b, a)
        self.prefetch(a, b)
        return sum(1 for d in _days(a, b) if d != a and self.is_working_day(d))

    def month(self, year: int, month: int) -> list[DayInfo]:
        """Return the status of every day of a month, in order."""
        first = date(year, month, 1)
        if not 1 <= month <= 12:
            raise WorkcalError("month must be from 1 to 12")
        last = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
        self.prefetch(first, last)
        return [self.day_info(d) for d in _days(first, last)]

    # --- times ----------------------------------------------------------

    def _as_date(self, value: date | datetime) -> date:
        if isinstance(value, datetime):
            return self._local(value).date()
        if not isinstance(value, date):
            raise WorkcalError("expected a date")
        return value

    def _at(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.tz)

    def _local(self, value: datetime) -> datetime:
        if not isinstance(value, datetime):
            raise WorkcalError("expected a datetime")
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise WorkcalError("naive datetime: give a time zone")
        return value.astimezone(self.tz)

    def _normalize(self, local: datetime) -> datetime:
        """Return the first instant at or after `local` that lies within working hours.

        Working hours here include their end: 18:00 on a working day stays
        18:00, so that a deadline at the close of a day chains naturally.
        """
        day = local.date()
        if self.is_working_day(day):
            if local.time() < self.day_start:
                return self._at(day, self.day_start)
            if local.time() <= self.day_end:
                return local
        return self._at(self.next_working_day(day), self.day_start)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """Return the same time of day on the `days`-th working day after the start.

        The start is first moved to the next instant within working hours:
        a start on a non-working day, or after the day's end on a working
        day, counts from the next working day's start (09:00); a start
        before the day's start on a working day counts from that day's
        start. A start at exactly the day's end (18:00) keeps its time.
        `days=0` returns that moved start. `days` must not be negative.
        """
        if isinstance(days, bool) or not isinstance(days, int):
            raise WorkcalError("days must be a whole number")
        if days < 0:
            raise WorkcalError("days must not be negative")
        local = self._local(start)
        # About 5 working days in 7, plus room for a long holiday.
        self.prefetch(local.date(), _shift_within(local.date(), math.ceil(days * 7 / 5) + 30))
        moved = self._normalize(local)
        day = moved.date()
        for _i in range(days):
            day = self.next_working_day(day)
        return datetime.combine(day, moved.time(), tzinfo=self.tz)

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """Return the earliest instant at which `amount` of working time has passed since `start`.

        Time only runs within working hours on working days. A start outside
        them waits for the next working period; a result that lands exactly
        on a day's end is that end (18:00), not the next day's start.
        `amount` must not be negative.
        """
        if amount < timedelta(0):
            raise WorkcalError("the amount of working time must not be negative")
        local = self._local(start)
        per_day = self._day_length()
        self.prefetch(
            local.date(), _shift_within(local.date(), math.ceil(amount / per_day * 7 / 5) + 30)
        )
        cursor = self._normalize(local)
        remaining = amount
        while True:
            left_today = self._at(cursor.date(), self.day_end) - cursor
            if remaining <= left_today:
                return cursor + remaining
            remaining -= left_today
            cursor = self._at(self.next_working_day(cursor.date()), self.day_start)

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """Return `add_working_time(start, timedelta(hours=hours))`."""
        if (
            isinstance(hours, bool)
            or not isinstance(hours, int | float)
            or not math.isfinite(hours)
        ):
            raise WorkcalError("hours must be a finite number")
        return self.add_working_time(start, timedelta(hours=hours))

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Return how much working time lies between two instants.

        Antisymmetric: when `end` is before `start` the result is the
        negative of the time between them the other way round, so
        "how late" and "how early" share one function.
        """
        a, b = self._local(start), self._local(end)
        if b < a:
            return -self.working_time_between(b, a)
        self.prefetch(a.date(), b.date())
        total = timedelta(0)
        for day in _days(a.date(), b.date()):
            if not self.is_working_day(day):
                continue
            lo = max(a, self._at(day, self.day_start))
            hi = min(b, self._at(day, self.day_end))
            if hi > lo:
                total += hi - lo
        return total

    def _day_length(self) -> timedelta:
        d = date(2000, 1, 3)
        return datetime.combine(d, self.day_end) - datetime.combine(d, self.day_start)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        if day == last:  # also keeps clear of date.max
            return
        day += timedelta(days=1)


def calendar(overrides: Mapping[date, bool] | None = None) -> Calendar:
    """Return a calendar on the current settings and the registered override loader.

    Pass `overrides` to use those instead of loading any.
    """
    if overrides is not None:
        return Calendar(overrides)
    return Calendar(loader=_override_loader)


# --- module-level conveniences: each builds a fresh calendar, so it never
# answers from stale overrides.


def day_info(day: date | datetime) -> DayInfo:
    return calendar().day_info(day)


def is_working_day(day: date | datetime) -> bool:
    return calendar().is_working_day(day)


def next_working_day(day: date | datetime) -> date:
    return calendar().next_working_day(day)


def previous_working_day(day: date | datetime) -> date:
    return calendar().previous_working_day(day)


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    return calendar().working_days_between(start, end)


def add_working_days(start: datetime, days: int) -> datetime:
    return calendar().add_working_days(start, days)


def add_working_time(start: datetime, amount: timedelta) -> datetime:
    return calendar().add_working_time(start, amount)


def add_working_hours(start: datetime, hours: float) -> datetime:
    return calendar().add_working_hours(start, hours)


def working_time_between(start: datetime, end: datetime) -> timedelta:
    return calendar().working_time_between(start, end)


def month(year: int, month: int) -> list[DayInfo]:
    return calendar().month(year, month)
