"""Plan pages: thin, POST-only for changes, the collaboration through access.

Every change answers an htmx request with the partial it changed (a
section, a RACI row) and a plain POST with a redirect to the plan page.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError

from . import access, diff, exports, forms, pages, selectors, services
from .models import PlanVersion


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    try:
        return access.plan_collaboration_for(request.user, ref)
    except DomainError as exc:
        raise Http404(str(exc.message)) from None


def _plan_url(collab: Collaboration) -> str:
    from django.urls import reverse

    return reverse("planning:plan", args=[collab.ref])


def _version(collab: Collaboration, number: str | None) -> PlanVersion | None:
    if number and number.isdigit() and len(number) < 9:
        found = selectors.version_numbered(collab, int(number))
        if found is None:
            raise Http404
        return found
    return selectors.current_draft(collab) or selectors.effective_plan(collab)


@login_required
@require_GET
def plan(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    version = _version(collab, request.GET.get("v"))
    context = pages.plan_context(request.user, collab, version)
    return render(request, "planning/plan.html", context)


def _answer(
    request: HtmxHttpRequest,
    collab: Collaboration,
    part: str,
    error: DomainError | None = None,
    **extra: Any,
) -> HttpResponse:
    if not request.htmx:
        if error is not None:
            messages.error(request, str(error.message))
        return redirect(_plan_url(collab))
    version = selectors.current_draft(collab) or selectors.effective_plan(collab)
    context = pages.plan_context(request.user, collab, version)
    context.update(extra)
    if error is not None:
        context["error"] = error
    return render(request, f"planning/partials/{part}.html", context)


@login_required
@require_POST
def draft(request: HtmxHttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    try:
        services.plan_draft(actor=request.user, collaboration=collab)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return redirect(_plan_url(collab))


@login_required
@require_POST
def charter(request: HtmxHttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    form = forms.CharterForm(request.POST)
    if not form.is_valid():
        return _answer(request, collab, "charter", forms.form_error(form))
    try:
        services.plan_update(actor=request.user, collaboration=collab, data=form.cleaned_data)
    except DomainError as exc:
        return _answer(request, collab, "charter", exc)
    return _answer(request, collab, "charter", saved=True)


def _save_row(
    request: HtmxHttpRequest, ref: str, section: str, item_id: int | None
) -> HttpResponse:
    collab = _collab(request, ref)
    if section not in services.SECTIONS:
        raise Http404
    form = forms.row_form(section, request.POST)
    try:
        if not form.is_valid():
            raise forms.form_error(form)
        services.plan_item_save(
            actor=request.user,
            collaboration=collab,
            section=section,
            data=forms.cleaned(form),
            item_id=item_id,
        )
    except DomainError as exc:
        return _answer(request, collab, "rows_answer", exc, section=section)
    return _answer(request, collab, "rows_answer", section=section)


@login_required
@require_POST
def row_add(request: HtmxHttpRequest, ref: str, section: str) -> HttpResponse:
    return _save_row(request, ref, section, None)


@login_required
@require_POST
def row_change(request: HtmxHttpRequest, ref: str, section: str, pk: int) -> HttpResponse:
    return _save_row(request, ref, section, pk)


@login_required
@require_POST
def row_delete(request: HtmxHttpRequest, ref: str, section: str, pk: int) -> HttpResponse:
    collab = _collab(request, ref)
    if section not in services.SECTIONS:
        raise Http404
    try:
        services.plan_item_delete(
            actor=request.user, collaboration=collab, section=section, item_id=pk
        )
    except DomainError as exc:
        return _answer(request, collab, "rows_answer", exc, section=section)
    return _answer(request, collab, "rows_answer", section=section)


@login_required
@require_POST
def raci_cell(request: HtmxHttpRequest, ref: str, row: str, row_id: int, dept: int) -> HttpResponse:
    collab = _collab(request, ref)
    try:
        services.raci_set(
            actor=request.user,
            collaboration=collab,
            row=row,
            row_id=row_id,
            letter=request.POST.get("letter", ""),
            department_id=dept,
        )
    except DomainError as exc:
        return _answer(request, collab, "raci", exc)
    return _answer(request, collab, "raci")


@login_required
@require_POST
def raci_person(request: HtmxHttpRequest, ref: str, row: str, row_id: int) -> HttpResponse:
    """Give a person of a participating department a letter on a row ("" takes it away)."""
    collab = _collab(request, ref)
    try:
        services.raci_set(
            actor=request.user,
            collaboration=collab,
            row=row,
            row_id=row_id,
            letter=request.POST.get("letter", ""),
            person_id=forms.person_id(request.POST),
        )
    except DomainError as exc:
        return _answer(request, collab, "raci", exc)
    return _answer(request, collab, "raci")


@login_required
@require_POST
def submit(request: HtmxHttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    try:
        version = services.plan_submit_for_signoff(actor=request.user, collaboration=collab)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        if version.state == "effective":
            messages.success(request, _("The plan is in effect."))
        else:
            messages.success(request, _("The plan was sent to the department heads to sign."))
    return redirect(_plan_url(collab))


@login_required
@require_GET
def raci_export(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    version = _version(collab, request.GET.get("v"))
    if version is None:
        raise Http404
    return exports.raci_response(collab, selectors.version_detail(version))


@login_required
@require_GET
def compare(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    versions = selectors.versions_of(collab)
    old, new = pages.pick_pair(collab, versions, request.GET.get("a"), request.GET.get("b"))
    context = {
        "collab": collab,
        "versions": versions,
        "comparison": diff.compare(old, new) if old and new else None,
        "old": old,
        "new": new,
    }
    return render(request, "planning/compare.html", context)
