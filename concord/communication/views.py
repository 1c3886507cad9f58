"""The communication page: thin views over the services, htmx partials for the rows."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from concord.orgs.models import Department

from . import access, exports, selectors, services
from .forms import ItemForm, LevelForm, SizeForm
from .models import CommItem


def _get(request: HttpRequest, ref: str) -> Collaboration:
    try:
        return collaboration_for(request.user, ref)
    except DomainError as exc:
        raise Http404(str(exc.message)) from None


def _item(collab: Collaboration, pk: int) -> CommItem:
    item = (
        CommItem.objects.select_related("plan__collaboration")
        .filter(pk=pk, plan__collaboration=collab)
        .first()
    )
    if item is None:
        raise Http404
    return item


def _context(request: HttpRequest, collab: Collaboration, **extra: Any) -> dict[str, Any]:
    view = selectors.plan_view(collab)
    user = request.user
    context: dict[str, Any] = {
        "collab": collab,
        "view": view,
        "can_edit": access.can_edit(user, collab),
        "item_form": ItemForm(collab=collab, prefix="new"),
        "size_form": SizeForm(initial={"size": view.plan.size if view else ""}),
        "may_confirm": {
            c.row.department_id: access.may_confirm_for(user, c.row) and not c.current
            for c in (view.confirmations if view else [])
        },
        "level_forms": {
            row.level: LevelForm(
                prefix=f"level{row.level}",
                initial={
                    "handler": row.handler_id,
                    "limit_value": row.limit_value,
                    "limit_unit": row.limit_unit,
                },
            )
            for row in (view.levels if view else [])
        },
    }
    context.update(extra)
    return context


def _answer(request: HttpRequest, collab: Collaboration, error: str = "") -> HttpResponse:
    """Re-render the plan for htmx, or go back to the page (with the error) for a plain post."""
    if request.headers.get("HX-Request"):
        return render(
            request, "communication/partials/plan.html", _context(request, collab, error=error)
        )
    if error:
        messages.error(request, error)
    return redirect(selectors.page_url(collab))


def _form_error(form: Any) -> str:
    return " ".join(
        f"{form.fields[f].label}: {' '.join(e)}" if f in form.fields else " ".join(e)
        for f, e in form.errors.items()
    )


@login_required
@require_GET
def plan_page(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    return render(request, "communication/page.html", _context(request, collab))


@login_required
@require_POST
def plan_create(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    form = SizeForm(request.POST)
    size = form.cleaned_data["size"] if form.is_valid() else ""
    try:
        services.comm_plan_create(actor=request.user, collaboration=collab, size=size)
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def plan_resize(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    form = SizeForm(request.POST)
    if not form.is_valid():
        return _answer(request, collab, _form_error(form))
    try:
        services.comm_plan_resize(
            actor=request.user, collaboration=collab, size=form.cleaned_data["size"]
        )
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def item_add(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    form = ItemForm(request.POST, collab=collab, prefix="new")
    if not form.is_valid():
        return _answer(request, collab, _form_error(form))
    try:
        services.comm_item_add(actor=request.user, collaboration=collab, data=form.to_input())
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    """GET: the row as a form (htmx); POST: save it."""
    collab = _get(request, ref)
    item = _item(collab, pk)
    prefix = f"item{item.pk}"
    if request.method == "GET":
        if not access.can_edit(request.user, collab):
            raise Http404
        form = ItemForm(
            collab=collab,
            prefix=prefix,
            initial={
                "topic": item.topic,
                "channel": item.channel,
                "frequency": item.frequency,
                "rrule": item.rrule,
                "owner": item.owner_id,
                "output": item.output,
                "notes": item.notes,
                "departments": list(item.departments.all()),
                "people": list(item.people.all()),
            },
        )
        return render(
            request,
            "communication/partials/item_form_row.html",
            {"collab": collab, "item": item, "form": form},
        )
    form = ItemForm(request.POST, collab=collab, prefix=prefix)
    if not form.is_valid():
        return _answer(request, collab, _form_error(form))
    try:
        services.comm_item_update(actor=request.user, item=item, data=form.to_input())
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def item_remove(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    collab = _get(request, ref)
    try:
        services.comm_item_remove(actor=request.user, item=_item(collab, pk))
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def level_update(request: HttpRequest, ref: str, level: int) -> HttpResponse:
    collab = _get(request, ref)
    form = LevelForm(request.POST, prefix=f"level{level}")
    if not form.is_valid():
        return _answer(request, collab, _form_error(form))
    try:
        services.comm_level_update(
            actor=request.user,
            collaboration=collab,
            level=level,
            handler=form.cleaned_data["handler"],
            limit_value=form.cleaned_data["limit_value"],
            limit_unit=form.cleaned_data["limit_unit"],
        )
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def plan_confirm(request: HttpRequest, ref: str, dept: int) -> HttpResponse:
    collab = _get(request, ref)
    department = Department.objects.filter(pk=dept).first()
    if department is None:
        raise Http404
    try:
        services.comm_plan_confirm(actor=request.user, collaboration=collab, department=department)
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_GET
def export_xlsx(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    return exports.xlsx_response(collab)


@login_required
@require_GET
def export_docx(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    return exports.docx_response(collab)
