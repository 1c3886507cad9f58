"""My work (我的工作), the Gantt chart, the daily digest, import and export."""

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.lib.errors import DomainError

from . import access, forms, gantt_chart, selectors, services
from .models import TaskSettings
from .pages import collab_of


@login_required
@require_GET
def my_work(request: HttpRequest) -> HttpResponse:
    items = selectors.my_work(request.user)
    return render(
        request,
        "tasks/my_work.html",
        {"items": items, "overdue": sum(1 for i in items if i.urgency == 0)},
    )


@login_required
@require_GET
def gantt(request: HttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    data = selectors.gantt(collab)
    chart = gantt_chart.layout(data, reverse("tasks:list", args=[collab.ref]))
    return render(request, "tasks/gantt.html", {"collab": collab, "data": data, "chart": chart})


@login_required
@require_GET
def digest(request: HttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    return _digest_page(request, collab)


def _digest_page(
    request: HttpRequest, collab: Any, settings_form: Any = None, status: int = 200
) -> HttpResponse:
    today = timezone.localdate()
    day = _day_of(request, today)
    if settings_form is None and access.may_configure(request.user, collab):
        row = TaskSettings.objects.filter(collaboration=collab).first()
        nudge = None if row is None else row.nudge_enabled
        settings_form = forms.ProgressSettingsForm(
            initial={
                "nudge": {None: "default", True: "on", False: "off"}[nudge],
                "digest": True if row is None else row.digest_enabled,
            }
        )
    return render(
        request,
        "tasks/digest.html",
        {
            "collab": collab,
            "digest": selectors.progress_digest(collab, day),
            "day": day,
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1) if day < today else None,
            "task_base": reverse("tasks:list", args=[collab.ref]),
            "settings_form": settings_form,
        },
        status=status,
    )


@login_required
@require_POST
def progress_settings(request: HttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    form = forms.ProgressSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.task_settings_set(
                actor=request.user,
                collaboration=collab,
                nudge_enabled=form.nudge_enabled(),
                digest_enabled=form.cleaned_data["digest"],
            )
        except DomainError as exc:
            form.add_error(None, str(exc.message))
            return _digest_page(request, collab, form, status=exc.status)
        messages.success(request, _("The daily progress settings are saved."))
        return redirect("tasks:digest", ref=collab.ref)
    return _digest_page(request, collab, form, status=400)


def _day_of(request: HttpRequest, today: date) -> date:
    """Return the asked day, never after today; a bad one means today."""
    try:
        day = parse_date(request.GET.get("day") or "")
    except ValueError:  # well-formed but impossible, like 2026-02-30
        day = None
    return min(day or today, today)


@login_required
@require_http_methods(["GET", "POST"])
def task_import(request: HttpRequest, ref: str) -> HttpResponse:
    from . import importing

    collab = collab_of(request, ref)
    allowed = access.may_create(request.user, collab)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if not allowed:
            status = 403
            form.add_error(None, str(access.forbidden().message))
        elif form.is_valid():
            try:
                report = importing.tasks_import(
                    actor=request.user,
                    collaboration=collab,
                    upload=form.cleaned_data["file"],
                    dry_run=form.cleaned_data["dry_run"],
                )
            except DomainError as exc:
                form.add_error("file", str(exc.message))
        if (form.errors and status == 200) or (report is not None and not report.ok):
            status = 400
    return render(
        request,
        "tasks/import.html",
        {"collab": collab, "form": form, "report": report, "allowed": allowed},
        status=status,
    )


@login_required
@require_GET
def task_export(request: HttpRequest, ref: str) -> HttpResponse:
    from . import exports

    return exports.tracking_response(collab_of(request, ref))
