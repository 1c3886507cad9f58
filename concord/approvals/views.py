"""The approver's pages: 待我审批 and the decision form (htmx, with a plain POST fallback)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from concord.lib.errors import DomainError

from . import selectors, services
from .access import delegators_of, flow_for_view
from .forms import DecideForm
from .models import Flow
from .notify import subject_url

WAITING_PAGE_SIZE = 50


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _fetch(request: HttpRequest, pk: int) -> Flow:
    try:
        return flow_for_view(request.user, pk)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


@login_required
@require_GET
def waiting(request: HttpRequest) -> HttpResponse:
    # The subjects are loaded in one query per subject type, whatever the rows.
    page = Paginator(
        selectors.waiting_for(request.user).prefetch_related("flow__subject"), WAITING_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    steps = list(page.object_list)
    delegators = delegators_of(request.user, timezone.localdate())
    rows = []
    for step in steps:
        designated = [a.user for a in step.approvers.all()]
        mine = any(u.pk == request.user.pk for u in designated)
        rows.append(
            {
                "step": step,
                "flow": step.flow,
                "subject": step.flow.subject,
                "on_behalf_of": [] if mine else [u for u in designated if u.pk in delegators],
            }
        )
    return render(request, "approvals/waiting.html", {"rows": rows, "page": page})


@login_required
@require_GET
def flow_detail(request: HttpRequest, pk: int) -> HttpResponse:
    flow = _fetch(request, pk)
    return render(
        request,
        "approvals/flow.html",
        {"flow": flow, "subject_url": subject_url(flow), "approval_form": DecideForm()},
    )


def _safe_next(request: HttpRequest, flow: Flow) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("approvals:flow", args=[flow.pk])


@login_required
@require_POST
def decide(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    flow = _fetch(request, pk)
    form = DecideForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            flow = services.flow_decide(
                actor=request.user,
                flow=flow,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
            )
        except DomainError as exc:
            field = next(iter(exc.details), None)
            if field in form.fields:
                form.add_error(field, str(exc.message))
            else:
                error = str(exc.message)
        else:
            if not request.htmx:
                messages.success(request, _("Your decision has been recorded."))
                return redirect(_safe_next(request, flow))
            form = DecideForm()
    flow.refresh_from_db()
    context = {
        "flow": flow,
        "approval_form": form,
        "approval_error": error,
        "approval_decided": not form.errors and not error,
    }
    if request.htmx:
        return render(request, "approvals/partials/decide_response.html", context)
    context["subject_url"] = subject_url(flow)
    status = 409 if error else 422
    return render(request, "approvals/flow.html", context, status=status)
