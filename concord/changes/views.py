"""Pages of change notices and resource requests: thin, POST-only for changes."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from concord.approvals.selectors import can_decide, current_flow
from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from concord.lib.web import or_404, show_errors
from concord.orgs.models import Department

from . import access, exports, forms, selectors, services
from .models import ChangeNotice, ResourceRequest


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


def _notice(request: HttpRequest, ref: str, number: str) -> ChangeNotice:
    return or_404(access.notice_for, request.user, ref, number)


def _resource(request: HttpRequest, ref: str, number: str) -> ResourceRequest:
    return or_404(access.resource_for, request.user, ref, number)


def _departments(collab: Collaboration) -> Any:
    return Department.objects.filter(pk__in=collab.departments.values("department")).order_by(
        "name"
    )


# ---------------------------------------------------------------- change notices


@login_required
@require_GET
def notice_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    return render(
        request,
        "changes/notice_list.html",
        {
            "collab": collab,
            "notices": list(selectors.notices_of(collab)),
            "can_issue": access.can_issue_now(request.user, collab),
        },
    )


def _notice_values(form: forms.NoticeForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["impact_departments"] = list(data.get("impact_departments") or [])
    return data


@login_required
@require_http_methods(["GET", "POST"])
def notice_new(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    if not access.can_issue_now(request.user, collab):
        messages.error(request, _("You are not allowed to do this."))
        return redirect("changes:notices", ref=collab.ref)
    form = forms.NoticeForm(request.POST or None, departments=_departments(collab))
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.change_notice_issue(
                actor=request.user, collaboration=collab, **_notice_values(form)
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            _after_issue(request, notice)
            return redirect(notice.get_absolute_url())
    return render(
        request, "changes/notice_form.html", {"collab": collab, "form": form, "notice": None}
    )


def _after_issue(request: HttpRequest, notice: ChangeNotice) -> None:
    if notice.state == "pending_approval":
        messages.info(request, _("The change notice needs approval before it is issued."))
    else:
        messages.success(request, _("The change notice was issued to the stakeholders."))
    earliest = selectors.lead_time_short(notice)
    if earliest is not None:
        messages.warning(
            request,
            _(
                "It takes effect sooner than the impact assessment lead time allows "
                "(not before %(date)s)."
            )
            % {"date": earliest.isoformat()},
        )


@login_required
@require_http_methods(["GET", "POST"])
def notice_revise(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    notice = _notice(request, ref, number)
    if not access.can_edit_notice_now(request.user, notice):
        messages.error(request, _("You are not allowed to do this."))
        return redirect(notice.get_absolute_url())
    initial = {
        name: getattr(notice, name)
        for name in forms.NoticeForm.base_fields
        if name != "impact_departments"
    }
    initial["impact_departments"] = list(notice.impact_departments.all())
    form = forms.NoticeForm(
        request.POST or None, initial=initial, departments=_departments(notice.collaboration)
    )
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.change_notice_revise(
                actor=request.user, notice=notice, **_notice_values(form)
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            _after_issue(request, notice)
            return redirect(notice.get_absolute_url())
    return render(
        request,
        "changes/notice_form.html",
        {"collab": notice.collaboration, "form": form, "notice": notice},
    )


def _ack_context(request: HttpRequest, notice: ChangeNotice) -> dict[str, Any]:
    acks = selectors.acknowledgements_of(notice)
    mine = next((a for a in acks if a.user_id == request.user.pk), None)
    manager = access.may_issue(request.user, notice.collaboration)
    return {
        "collab": notice.collaboration,
        "notice": notice,
        "acks": acks,
        "mine": mine,
        "ack_form": forms.AcknowledgeForm(),
        "pending": selectors.who_has_not(notice) if manager else [],
        "show_pending": manager,
    }


@login_required
@require_GET
def notice_detail(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    notice = _notice(request, ref, number)
    flow = current_flow(notice, services.NOTICE_PURPOSE)
    context = _ack_context(request, notice)
    context.update(
        {
            "departments": list(notice.impact_departments.all()),
            "lead_time_short": selectors.lead_time_short(notice),
            "flow": flow,
            "can_decide": flow is not None and can_decide(request.user, flow),
            "can_revise": access.can_edit_notice_now(request.user, notice),
            "can_withdraw": access.can_withdraw_notice_now(request.user, notice),
        }
    )
    return render(request, "changes/notice_detail.html", context)


@login_required
@require_POST
def notice_acknowledge(request: HtmxHttpRequest, ref: str, number: str) -> HttpResponse:
    notice = _notice(request, ref, number)
    form = forms.AcknowledgeForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        services.change_notice_acknowledge(actor=request.user, notice=notice, comment=comment)
    except DomainError as exc:
        if not request.htmx:
            messages.error(request, str(exc.message))
            return redirect(notice.get_absolute_url())
        context = _ack_context(request, notice)
        context["error"] = str(exc.message)
        return render(request, "changes/partials/acknowledgements.html", context, status=exc.status)
    if not request.htmx:
        messages.success(request, _("Acknowledged."))
        return redirect(notice.get_absolute_url())
    return render(request, "changes/partials/acknowledgements.html", _ack_context(request, notice))


@login_required
@require_POST
def notice_withdraw(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    notice = _notice(request, ref, number)
    try:
        services.change_notice_withdraw(
            actor=request.user, notice=notice, reason=request.POST.get("reason", "")[:2000]
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The change notice was withdrawn."))
    return redirect(notice.get_absolute_url())


@login_required
@require_GET
def notice_export(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    notice = _notice(request, ref, number)
    return exports.docx_response(notice, selectors.acknowledgements_of(notice))


# ---------------------------------------------------------------- resource requests


@login_required
@require_GET
def resource_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    return render(
        request,
        "changes/resource_list.html",
        {
            "collab": collab,
            "resources": list(selectors.resources_of(collab)),
            "can_request": access.can_request_now(request.user, collab),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_new(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    if not access.can_request_now(request.user, collab):
        messages.error(request, _("You are not allowed to do this."))
        return redirect("changes:resources", ref=collab.ref)
    form = forms.ResourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            req = services.resource_request_create(
                actor=request.user,
                collaboration=collab,
                submit="draft" not in request.POST,
                **form.cleaned_data,
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            return redirect(req.get_absolute_url())
    return render(
        request, "changes/resource_form.html", {"collab": collab, "form": form, "resource": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    req = _resource(request, ref, number)
    if not access.can_edit_resource_now(request.user, req):
        messages.error(request, _("You are not allowed to do this."))
        return redirect(req.get_absolute_url())
    initial = {name: getattr(req, name) for name in forms.ResourceForm.base_fields}
    form = forms.ResourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            req = services.resource_request_update(
                actor=request.user,
                request=req,
                submit="draft" not in request.POST,
                **form.cleaned_data,
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            return redirect(req.get_absolute_url())
    return render(
        request,
        "changes/resource_form.html",
        {"collab": req.collaboration, "form": form, "resource": req},
    )


@login_required
@require_GET
def resource_detail(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    req = _resource(request, ref, number)
    flow = current_flow(req, services.RESOURCE_PURPOSE)
    return render(
        request,
        "changes/resource_detail.html",
        {
            "collab": req.collaboration,
            "resource": req,
            "flow": flow,
            "can_decide": flow is not None and can_decide(request.user, flow),
            "can_edit": access.can_edit_resource_now(request.user, req),
            "can_withdraw": access.can_withdraw_resource_now(request.user, req),
        },
    )


@login_required
@require_POST
def resource_withdraw(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    req = _resource(request, ref, number)
    try:
        services.resource_request_withdraw(actor=request.user, request=req)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The resource request was withdrawn."))
    return redirect(req.get_absolute_url())
