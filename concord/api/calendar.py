"""The working calendar (工作日历) over the API.

Reads are open to every authenticated person; the overrides are managed by
the PMO. A datetime given without an offset is read in the server's time
zone (settings.TIME_ZONE, Asia/Shanghai by default); every datetime answered
carries its offset, in that zone.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from concord.lib import workcal
from concord.lib.errors import DomainError, not_found
from concord.orgs import selectors, services
from concord.orgs.models import CalendarOverride

router = Router()

T = TypeVar("T")

MAX_DAYS = 3650
MAX_HOURS = 30000
# working-time-between walks day by day; ten years is more than any
# deadline needs and keeps one request cheap.
MAX_SPAN_DAYS = 3660

Reason = Literal["statutory_holiday", "makeup_workday", "weekend", "workday", "override"]


class DayOut(Schema):
    date: dt.date = Field(..., examples=["2026-10-10"])
    is_working: bool = Field(..., examples=[True])
    reason: Reason = Field(
        ...,
        description="Why: a statutory holiday, a make-up working day (调休), a weekend,"
        " an ordinary working day, or an admin's override.",
        examples=["makeup_workday"],
    )
    holiday_name: str | None = Field(
        None, description="In the request's language.", examples=["National Day"]
    )
    holiday_key: str | None = Field(
        None, description="The holiday library's stable name.", examples=["National Day"]
    )
    override_note: str | None = Field(None, examples=["Company anniversary"])
    statutory_known: bool = Field(
        ...,
        description="Whether the statutory holidays of this year are known; if not,"
        " Monday to Friday count as working days unless overridden.",
        examples=[True],
    )


class MonthOut(Schema):
    year: int = Field(..., examples=[2026])
    month: int = Field(..., examples=[10])
    days: list[DayOut]


class AddDaysOut(Schema):
    start: dt.datetime = Field(..., examples=["2026-09-30T10:00:00+08:00"])
    days: int = Field(..., examples=[1])
    result: dt.datetime = Field(..., examples=["2026-10-08T10:00:00+08:00"])


class AddHoursOut(Schema):
    start: dt.datetime = Field(..., examples=["2026-09-30T17:00:00+08:00"])
    hours: float = Field(..., examples=[2])
    result: dt.datetime = Field(..., examples=["2026-10-08T10:00:00+08:00"])


class BetweenOut(Schema):
    start: dt.datetime = Field(..., examples=["2026-09-30T17:00:00+08:00"])
    end: dt.datetime = Field(..., examples=["2026-10-08T10:00:00+08:00"])
    seconds: int = Field(..., description="Negative when end is before start.", examples=[7200])
    hours: float = Field(..., examples=[2.0])


class MonthIn(Schema):
    year: int = Field(..., ge=1900, le=9998, examples=[2026])
    month: int = Field(..., ge=1, le=12, examples=[10])


class AddDaysIn(Schema):
    start: dt.datetime = Field(..., examples=["2026-09-30T10:00:00+08:00"])
    days: int = Field(..., ge=0, le=MAX_DAYS, examples=[1])


class AddHoursIn(Schema):
    start: dt.datetime = Field(..., examples=["2026-09-30T17:00:00+08:00"])
    hours: float = Field(..., ge=0, le=MAX_HOURS, examples=[2])


class BetweenIn(Schema):
    start: dt.datetime = Field(..., examples=["2026-09-30T17:00:00+08:00"])
    end: dt.datetime = Field(..., examples=["2026-10-08T10:00:00+08:00"])


class OverrideFilter(Schema):
    year: int | None = Field(None, ge=1900, le=9999, examples=[2027])


class OverrideIn(Schema):
    is_working: bool = Field(..., examples=[False])
    note: str = Field("", max_length=200, examples=["Spring Festival 2027"])


class OverrideOut(Schema):
    date: dt.date = Field(..., examples=["2027-02-08"])
    is_working: bool = Field(..., examples=[False])
    note: str = Field(..., examples=["Spring Festival 2027"])
    updated_at: dt.datetime


def _day_out(info: workcal.DayInfo, note: str | None) -> dict[str, Any]:
    return {
        "date": info.day,
        "is_working": info.is_working,
        "reason": str(info.reason),
        "holiday_name": info.holiday_label or None,
        "holiday_key": info.holiday,
        "override_note": note,
        "statutory_known": info.statutory_known,
    }


def _override_out(row: CalendarOverride) -> dict[str, Any]:
    return {
        "date": row.day,
        "is_working": row.is_working,
        "note": row.note,
        "updated_at": row.updated_at,
    }


def _aware(value: dt.datetime) -> dt.datetime:
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _compute(fn: Callable[[], T], field: str) -> T:
    """Run a calculation, turning what the calendar cannot compute into a 400."""
    try:
        return fn()
    except (workcal.WorkcalError, OverflowError):
        raise DomainError(
            _("The calendar cannot compute this; choose a nearer date or a smaller amount."),
            field=field,
        ) from None


def _require_manager(request: HttpRequest) -> None:
    if not request.auth.has_perm("orgs.manage_calendar"):  # type: ignore[attr-defined]
        raise DomainError(_("Only the PMO manages the working calendar."), code="forbidden")


@router.get("/days/{day}", response=DayOut, summary="Whether a date is a working day, and why")
def day_detail(request: HttpRequest, day: dt.date) -> dict[str, Any]:
    row = selectors.calendar_overrides().filter(day=day).first()
    cal = workcal.Calendar({day: row.is_working} if row else {})
    return _day_out(cal.day_info(day), row.note if row else None)


@router.get("/month", response=MonthOut, summary="Every day of a month")
def month_detail(request: HttpRequest, params: Query[MonthIn]) -> dict[str, Any]:
    year, month = params.year, params.month
    rows = {
        r.day: r for r in selectors.calendar_overrides().filter(day__year=year, day__month=month)
    }
    cal = workcal.Calendar({d: r.is_working for d, r in rows.items()})
    days = [
        _day_out(info, rows[info.day].note if info.day in rows else None)
        for info in cal.month(year, month)
    ]
    return {"year": year, "month": month, "days": days}


@router.get(
    "/add-working-days",
    response=AddDaysOut,
    summary="The same time of day N working days later",
    description="A start on a non-working day, or after working hours, counts from the next"
    " working day's start; a start before working hours counts from that day's start.",
)
def add_working_days(request: HttpRequest, params: Query[AddDaysIn]) -> dict[str, Any]:
    aware, days = _aware(params.start), params.days
    result = _compute(lambda: workcal.add_working_days(aware, days), "start")
    return {"start": aware, "days": days, "result": result}


@router.get(
    "/add-working-hours",
    response=AddHoursOut,
    summary="The instant after N hours of working time",
)
def add_working_hours(request: HttpRequest, params: Query[AddHoursIn]) -> dict[str, Any]:
    aware, hours = _aware(params.start), params.hours
    result = _compute(lambda: workcal.add_working_hours(aware, hours), "start")
    return {"start": aware, "hours": hours, "result": result}


@router.get(
    "/working-time-between",
    response=BetweenOut,
    summary="How much working time lies between two instants",
)
def working_time_between(request: HttpRequest, params: Query[BetweenIn]) -> dict[str, Any]:
    a, b = _aware(params.start), _aware(params.end)
    if abs(b - a) > dt.timedelta(days=MAX_SPAN_DAYS):
        raise DomainError(_("Choose two instants at most ten years apart."), field="end")
    between = _compute(lambda: workcal.working_time_between(a, b), "start")
    seconds = int(between.total_seconds())
    return {"start": a, "end": b, "seconds": seconds, "hours": round(seconds / 3600, 4)}


@router.get("/overrides", response=list[OverrideOut], summary="The overrides (PMO)")
def override_list(request: HttpRequest, params: Query[OverrideFilter]) -> list[dict[str, Any]]:
    _require_manager(request)
    qs = selectors.calendar_overrides()
    if params.year is not None:
        qs = qs.filter(day__year=params.year)
    return [_override_out(row) for row in qs]


@router.get("/overrides/{day}", response=OverrideOut, summary="One date's override (PMO)")
def override_detail(request: HttpRequest, day: dt.date) -> dict[str, Any]:
    _require_manager(request)
    row = selectors.calendar_overrides().filter(day=day).first()
    if row is None:
        raise not_found()
    return _override_out(row)


@router.put("/overrides/{day}", response=OverrideOut, summary="Override a date (PMO)")
def override_put(request: HttpRequest, day: dt.date, payload: OverrideIn) -> dict[str, Any]:
    row = services.calendar_override_set(
        actor=request.auth,  # type: ignore[attr-defined]
        day=day,
        is_working=payload.is_working,
        note=payload.note,
    )
    return _override_out(row)


@router.delete("/overrides/{day}", response={204: None}, summary="Clear a date's override (PMO)")
def override_delete(request: HttpRequest, day: dt.date) -> HttpResponse:
    services.calendar_override_clear(actor=request.auth, day=day)  # type: ignore[attr-defined]
    return HttpResponse(status=204)
