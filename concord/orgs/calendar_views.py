"""Working calendar pages: the month view and the PMO's day and range overrides."""

import calendar as stdlib_calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from concord.lib import workcal
from concord.lib.errors import DomainError

from . import selectors, services
from .calendar_forms import CalendarDayForm, CalendarRangeForm

# --- Working calendar (工作日历) ------------------------------------------


@dataclass(frozen=True)
class CalendarCell:
    info: workcal.DayInfo
    in_month: bool
    is_today: bool
    note: str


def _calendar_month_arg(request: HttpRequest) -> tuple[int, int] | None:
    """Return the (year, month) asked for, today's by default, or None when it is malformed."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
        month = int(request.GET.get("month") or today.month)
    except ValueError:
        return None
    # The grid shows a few days of the neighbouring months, so stay clear of
    # the ends of the date range.
    if not (1 <= month <= 12 and 1901 <= year <= 9998):
        return None
    return year, month


def _calendar_context(request: HttpRequest, year: int, month: int) -> dict[str, Any]:
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    # One query for the grid's overrides, whatever their number; the
    # calendar then computes every day in memory.
    rows = {row.day: row for row in selectors.calendar_overrides().filter(day__range=(first, last))}
    cal = workcal.Calendar({day: row.is_working for day, row in rows.items()})
    today = timezone.localdate()
    grid = [
        [
            CalendarCell(
                info=cal.day_info(day),
                in_month=day.month == month,
                is_today=day == today,
                note=rows[day].note if day in rows else "",
            )
            for day in week
        ]
        for week in weeks
    ]
    shown = date(year, month, 1)
    previous = shown - timedelta(days=1)
    following = shown + timedelta(days=31)
    return {
        "year": year,
        "month": month,
        "shown": shown,
        "weeks": grid,
        "previous": (previous.year, previous.month),
        "following": (following.year, following.month),
        "statutory_known": workcal.statutory_known(shown),
        "overrides": list(selectors.calendar_overrides().filter(day__year=year)),
        "can_manage": request.user.has_perm("orgs.manage_calendar"),
        "day_form": CalendarDayForm(),
        "range_form": CalendarRangeForm(),
        "reasons": workcal.REASON_LABELS,
        "weekday_names": [WEEKDAYS_ABBR[i] for i in range(7)],
    }


def _calendar_response(request: HttpRequest, year: int, month: int) -> HttpResponse:
    context = _calendar_context(request, year, month)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "orgs/partials/calendar_body.html", context)
    return render(request, "orgs/calendar.html", context)


@login_required
@require_GET
def calendar_month(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("orgs.view_org"):
        raise PermissionDenied
    shown = _calendar_month_arg(request)
    if shown is None:
        return HttpResponseBadRequest(gettext("Choose a valid year and month."))
    return _calendar_response(request, *shown)


def _calendar_after_write(request: HttpRequest, day: date) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        return _calendar_response(request, day.year, day.month)
    return redirect(f"{reverse('orgs:calendar')}?year={day.year}&month={day.month}")


def _calendar_refused(request: HttpRequest, error: DomainError, day: date) -> HttpResponse:
    if error.code == "forbidden":
        raise PermissionDenied(str(error.message))
    messages.error(request, str(error.message))
    return _calendar_after_write(request, day)


@login_required
@require_POST
def calendar_day(request: HttpRequest, day: str) -> HttpResponse:
    """Mark one day working or off, or clear its override (PMO only)."""
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    form = CalendarDayForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(gettext("Choose what to do with the day."))
    action = form.cleaned_data["action"]
    try:
        if action == "clear":
            services.calendar_override_clear(actor=request.user, day=when)
        else:
            services.calendar_override_set(
                actor=request.user,
                day=when,
                is_working=action == "working",
                note=form.cleaned_data["note"],
            )
    except DomainError as error:
        return _calendar_refused(request, error, when)
    return _calendar_after_write(request, when)


@login_required
@require_POST
def calendar_range(request: HttpRequest) -> HttpResponse:
    """Set a run of days alike (PMO only)."""
    if not request.user.has_perm("orgs.manage_calendar"):
        raise PermissionDenied
    form = CalendarRangeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        today = timezone.localdate()
        return _calendar_after_write(request, today)
    data = form.cleaned_data
    try:
        services.calendar_override_set_range(
            actor=request.user,
            first=data["first"],
            last=data["last"],
            is_working=data["is_working"],
            note=data["note"],
        )
    except DomainError as error:
        return _calendar_refused(request, error, data["first"])
    messages.success(request, gettext("The working calendar was updated."))
    return _calendar_after_write(request, data["first"])
