"""Pages of collaborations: thin, POST-only for changes, objects through access."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from concord.lib.errors import DomainError
from concord.orgs.models import Department

from . import access, exports, flows, forms, lifecycle, sections, selectors, services, team_views
from .inputs import RequestInput, input_from
from .lifecycle import State
from .models import Collaboration, Importance, Kind

PAGE_SIZE = 20


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _get(request: HttpRequest, ref: str, *, for_action: str | None = None) -> Collaboration:
    try:
        return access.collaboration_for(request.user, ref, for_action=for_action)
    except DomainError as exc:
        if exc.code == "not_found":
            raise Http404(str(exc.message)) from None
        raise


def _refused(request: HttpRequest, exc: DomainError, collab: Collaboration) -> HttpResponse:
    messages.error(request, str(exc.message))
    return redirect(collab.get_absolute_url())


def _filters(request: HttpRequest) -> selectors.Filters:
    g = request.GET
    dept = g.get("department", "")
    return selectors.Filters(
        state=g.get("state", "") if g.get("state", "") in State.values else "",
        kind=g.get("kind", "") if g.get("kind", "") in Kind.values else "",
        department=int(dept) if dept.isdigit() and len(dept) < 12 else None,
        importance=g.get("importance", "") if g.get("importance", "") in Importance.values else "",
        mine=g.get("mine") == "1",
        waiting=g.get("waiting") == "1",
        q=g.get("q", "")[:100],
    )


@login_required
@require_GET
def collaboration_list(request: HtmxHttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = Paginator(selectors.collaboration_list(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    context = {
        "page": page,
        "filters": filters,
        "query": urlencode(query),
        "states": State.choices,
        "kinds": Kind.choices,
        "importances": Importance.choices,
        "departments": Department.objects.filter(is_active=True).order_by("name"),
    }
    template = (
        "collaborations/partials/list_rows.html" if request.htmx else "collaborations/list.html"
    )
    return render(request, template, context)


def _bound(request: HttpRequest, data: RequestInput | None) -> dict[str, Any]:
    if request.method == "POST":
        return {
            "form": forms.RequestForm(request.POST),
            "key_dates": forms.KeyDateFormSet(request.POST, prefix="key_dates"),
            "problems": forms.CoreProblemFormSet(request.POST, prefix="core_problems"),
            "suggested": forms.SuggestedFormSet(request.POST, prefix="suggested"),
        }
    initial: tuple[Any, list[Any], list[Any], list[Any]] = (
        forms.initial_from(data) if data else ({}, [], [], [])
    )
    return {
        "form": forms.RequestForm(initial=initial[0]),
        "key_dates": forms.KeyDateFormSet(initial=initial[1], prefix="key_dates"),
        "problems": forms.CoreProblemFormSet(initial=initial[2], prefix="core_problems"),
        "suggested": forms.SuggestedFormSet(initial=initial[3], prefix="suggested"),
    }


def _valid(bound: dict[str, Any]) -> bool:
    return all(part.is_valid() for part in bound.values())


def _show_errors(bound: dict[str, Any], exc: DomainError) -> dict[str, list[str]]:
    """Put the service's messages beside their fields; return those of the row sections."""
    sections: dict[str, list[str]] = {}
    form = bound["form"]
    for field, msgs in exc.details.items():
        for msg in msgs:
            if field in form.fields:
                form.add_error(field, msg)
            else:
                sections.setdefault(field, []).append(msg)
    if not exc.details:
        form.add_error(None, str(exc.message))
    return sections


def _render_form(
    request: HttpRequest, kind: str, bound: dict[str, Any], **extra: Any
) -> HttpResponse:
    return render(
        request,
        "collaborations/form.html",
        {**bound, "kind": kind, "kind_label": Kind(kind).label, **extra},
    )


@login_required
def request_new(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        return render(request, "collaborations/choose_kind.html", {"kinds": Kind.choices})
    bound = _bound(request, None)
    sections: dict[str, list[str]] = {}
    if request.method == "POST" and _valid(bound):
        data = forms.to_input(
            kind, bound["form"], bound["key_dates"], bound["problems"], bound["suggested"]
        )
        try:
            collab = services.request_create(actor=request.user, data=data)
        except DomainError as exc:
            sections = _show_errors(bound, exc)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect(collab.get_absolute_url())
    return _render_form(request, kind, bound, sections=sections)


@login_required
def request_edit(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref, for_action="update")
    full = selectors.detail_of(collab)
    bound = _bound(request, input_from(full) if request.method != "POST" else None)
    sections: dict[str, list[str]] = {}
    if request.method == "POST" and _valid(bound):
        data = forms.to_input(
            collab.kind, bound["form"], bound["key_dates"], bound["problems"], bound["suggested"]
        )
        try:
            services.request_update(actor=request.user, collaboration=collab, data=data)
        except DomainError as exc:
            sections = _show_errors(bound, exc)
        else:
            messages.success(request, _("The request is saved."))
            return redirect(collab.get_absolute_url())
    return _render_form(request, collab.kind, bound, sections=sections, collab=collab)


def _detail_context(request: HttpRequest, collab: Collaboration) -> dict[str, Any]:
    from concord.approvals.selectors import can_decide

    full = selectors.detail_of(collab)
    flow = flows.current_flow(full) if full.state != State.DRAFT else None
    user = request.user
    roles = access.roles_of(user, full)
    departments = list(full.departments.all())
    may_name = {
        pd.department_id: (
            lifecycle.allowed(full.state, "nominate")
            and ("pmo" in roles or access.speaks_for_head(user, pd.department))
        )
        for pd in departments
    }
    return {
        "collab": full,
        "req": full.request,
        "roles": roles,
        "main_sections": sections.sections("main"),
        "side_sections": sections.sections("side"),
        "flow": flow,
        "rounds": flows.all_rounds(full) if flow else [],
        "can_decide": flow is not None and can_decide(user, flow),
        "can": {
            action: lifecycle.allowed(full.state, action) and lifecycle.may(action, roles)
            for action in ("update", "submit", "withdraw", "terminate", "attach")
        },
        "departments": [
            (
                pd,
                forms.ContactForm(department=pd.department, initial={"person": pd.contact_id})
                if may_name[pd.department_id]
                else None,
            )
            for pd in departments
        ],
        **team_views.panel_context(user, full, roles),
        "terminate_form": forms.TerminateForm(),
        "attachment_form": forms.AttachmentForm(),
    }


@login_required
@require_GET
def collaboration_detail(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    return render(request, "collaborations/detail.html", _detail_context(request, collab))


@login_required
@require_POST
def request_submit(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    try:
        collab = services.request_submit(actor=request.user, collaboration=collab)
    except DomainError as exc:
        if exc.details:
            for msgs in exc.details.values():
                for msg in msgs:
                    messages.error(request, msg)
            return redirect(collab.get_absolute_url())
        return _refused(request, exc, collab)
    messages.success(request, _("Submitted as %(number)s.") % {"number": collab.number})
    return redirect(collab.get_absolute_url())


@login_required
@require_POST
def request_withdraw(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    try:
        services.request_withdraw(actor=request.user, collaboration=collab)
    except DomainError as exc:
        return _refused(request, exc, collab)
    messages.success(request, _("The request is withdrawn."))
    return redirect(collab.get_absolute_url())


@login_required
@require_POST
def collaboration_terminate(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    form = forms.TerminateForm(request.POST)
    try:
        services.collaboration_terminate(
            actor=request.user,
            collaboration=collab,
            reason=form.data.get("reason", "") if form.is_bound else "",
        )
    except DomainError as exc:
        return _refused(request, exc, collab)
    messages.success(request, _("The collaboration is terminated."))
    return redirect(collab.get_absolute_url())


@login_required
@require_POST
def contact_nominate(request: HtmxHttpRequest, ref: str, dept: int) -> HttpResponse:
    collab = _get(request, ref)
    department = Department.objects.filter(pk=dept).first()
    if department is None:
        raise Http404
    form = forms.ContactForm(request.POST, department=department)
    error = ""
    if form.is_valid():
        try:
            services.contact_nominate(
                actor=request.user,
                collaboration=collab,
                department=department,
                person=form.cleaned_data["person"],
            )
        except DomainError as exc:
            error = str(exc.message)
    else:
        error = _("Contact: choose a person of the department.")
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect(collab.get_absolute_url() + "#departments")
    context = _detail_context(request, collab)
    context["nominate_error"] = error
    return render(request, "collaborations/partials/departments.html", context)


@login_required
@require_POST
def attachment_add(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Attachment: choose a file."))
        return redirect(collab.get_absolute_url())
    try:
        services.attachment_add(actor=request.user, collaboration=collab, file=upload)
    except DomainError as exc:
        return _refused(request, exc, collab)
    messages.success(request, _("The file is attached."))
    return redirect(collab.get_absolute_url() + "#attachments")


@login_required
@require_GET
def attachment_download(request: HttpRequest, ref: str, pk: int) -> FileResponse:
    collab = _get(request, ref)
    attachment = collab.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
@require_POST
def attachment_remove(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    collab = _get(request, ref)
    attachment = collab.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    try:
        services.attachment_remove(actor=request.user, attachment=attachment)
    except DomainError as exc:
        return _refused(request, exc, collab)
    messages.success(request, _("The attachment is removed."))
    return redirect(collab.get_absolute_url() + "#attachments")


@login_required
@require_GET
def request_export(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    return exports.docx_response(selectors.detail_of(collab))
