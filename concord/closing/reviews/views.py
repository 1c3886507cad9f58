"""Pages of milestone reviews, retrospectives and the PMO's proposals list.

Thin: GET pages read through `selectors`; every change is a POST to an
action that calls one service; a `DomainError` is shown on the form it came
from (status 400), never a 500.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import FORMATS, download
from concord.lib.errors import DomainError
from concord.lib.web import or_404, show_errors
from concord.planning.models import Milestone
from concord.planning.selectors import effective_plan

from . import access, forms, reports, selectors, services
from .models import Deviation, Measure, MilestoneReview, Proposal, RetroKind, Retrospective


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


def _run(form: Any, call: Callable[[], Any]) -> bool:
    """Call the service if the form is valid; show a DomainError on the form. Return success."""
    if not form.is_valid():
        return False
    try:
        call()
    except DomainError as exc:
        if exc.code == "not_found":
            raise Http404(str(exc.message)) from None
        show_errors(form, exc)
        return False
    return True


# ---------------------------------------------------------------- the list


@login_required
@require_GET
def review_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    may_write = access.may_write(request.user, collab) and collab.state in access.OPEN_STATES
    return render(
        request,
        "reviews/review_list.html",
        {
            "collab": collab,
            "reviews": selectors.reviews_of(collab),
            "pending": selectors.milestones_without_review(collab),
            "retros": selectors.retrospectives_of(collab),
            "retro_kinds": list(RetroKind),
            "may_write": may_write,
        },
    )


@login_required
@require_POST
def review_start(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    version = effective_plan(collab)
    raw = request.POST.get("milestone", "")
    milestone = (
        Milestone.objects.filter(version=version, pk=int(raw)).first()
        if version is not None and raw.isdigit() and len(raw) < 18
        else None
    )
    if milestone is None:
        messages.error(request, _("Choose a milestone of the plan in effect."))
        return redirect("reviews:list", collab.ref)
    try:
        review = services.milestone_review_start(
            actor=request.user, collaboration=collab, milestone=milestone
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("reviews:list", collab.ref)
    return redirect(review.get_absolute_url())


# ---------------------------------------------------------------- one review


def _review_forms(review: MilestoneReview, data: Any = None, which: str = "") -> dict[str, Any]:
    collab = review.collaboration
    bound = {which: data} if which else {}
    return {
        # Each form gets its own id prefix: several forms on one page share field names.
        "review_form": forms.ReviewForm(
            bound.get("update"),
            auto_id="review_%s",
            initial={
                "summary": review.summary,
                "budget_planned": review.budget_planned,
                "budget_actual": review.budget_actual,
            },
        ),
        "deviation_form": forms.DeviationForm(bound.get("deviation"), auto_id="deviation_%s"),
        "measure_form": forms.MeasureForm(
            bound.get("measure"), collab=collab, auto_id="measure_%s"
        ),
        "adjust_form": forms.AdjustmentForm(bound.get("adjust"), auto_id="adjust_%s"),
    }


def _review_page(
    request: HttpRequest, review: MilestoneReview, page_forms: dict[str, Any], status: int = 200
) -> HttpResponse:
    from concord.changes.models import ChangeNotice

    collab = review.collaboration
    detail = selectors.review_detail(review)
    detail.collaboration = collab
    notices = list(
        ChangeNotice.objects.filter(
            collaboration=collab,
            source_type__app_label="reviews",
            source_type__model="milestonereview",
            source_id=review.pk,
        )
    )
    for notice in notices:
        notice.collaboration = collab
    return render(
        request,
        "reviews/review_detail.html",
        {
            "collab": collab,
            "review": detail,
            "rows": selectors.comparison_rows(detail),
            "notices": notices,
            "can_write": access.can_write_now(request.user, detail),
            "can_contribute": access.can_contribute_now(request.user, detail),
            "formats": ("docx", "pdf"),
            **page_forms,
        },
        status=status,
    )


@login_required
@require_GET
def review_detail(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    review = or_404(access.review_for, request.user, ref, pk)
    return _review_page(request, review, _review_forms(review))


@login_required
@require_POST
def review_action(request: HttpRequest, ref: str, pk: int, action: str) -> HttpResponse:
    review = or_404(access.review_for, request.user, ref, pk)
    user = request.user
    page_forms = _review_forms(review, request.POST, action)
    ok = False
    if action == "update":
        form = page_forms["review_form"]
        ok = _run(
            form,
            lambda: services.milestone_review_update(
                actor=user,
                review=review,
                summary=form.cleaned_data["summary"],
                budget_planned=form.cleaned_data["budget_planned"],
                budget_actual=form.cleaned_data["budget_actual"],
            ),
        )
    elif action == "deviation":
        form = page_forms["deviation_form"]
        ok = _run(
            form, lambda: services.deviation_add(actor=user, review=review, **form.cleaned_data)
        )
    elif action == "measure":
        form = page_forms["measure_form"]
        ok = _run(
            form, lambda: services.measure_add(actor=user, parent=review, **form.cleaned_data)
        )
    elif action == "adjust":
        form = page_forms["adjust_form"]
        ok = _run(
            form,
            lambda: services.review_adjustment_open(actor=user, review=review, **form.cleaned_data),
        )
    elif action in ("publish", "deviation-remove"):
        try:
            if action == "publish":
                services.milestone_review_publish(actor=user, review=review)
            else:
                raw = request.POST.get("deviation", "")
                deviation = Deviation.objects.filter(
                    review=review, pk=int(raw) if raw.isdigit() and len(raw) < 18 else 0
                ).first()
                if deviation is None:
                    raise Http404
                services.deviation_remove(actor=user, deviation=deviation)
            ok = True
        except DomainError as exc:
            if exc.code == "not_found":
                raise Http404(str(exc.message)) from None
            messages.error(request, str(exc.message))
            return redirect(review.get_absolute_url())
    else:
        raise Http404
    if ok:
        return redirect(review.get_absolute_url())
    return _review_page(request, review, page_forms, status=400)


@login_required
@require_GET
def review_export(request: HttpRequest, ref: str, pk: int, fmt: str) -> HttpResponse:
    review = or_404(access.review_for, request.user, ref, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    return download(reports.review_doc(review), fmt)


# ---------------------------------------------------------------- retrospectives


def _retro_forms(
    retro: Retrospective | None, collab: Collaboration, data: Any = None, which: str = ""
) -> dict[str, Any]:
    bound = {which: data} if which else {}
    return {
        "retro_form": forms.RetroForm(
            bound.get("update") or bound.get("start"),
            auto_id="retro_%s",
            initial={"summary": retro.summary if retro else ""},
        ),
        "point_form": forms.PointForm(bound.get("point"), auto_id="point_%s"),
        "measure_form": forms.MeasureForm(
            bound.get("measure"), collab=collab, auto_id="measure_%s"
        ),
        "proposal_form": forms.ProposalForm(bound.get("proposal"), auto_id="proposal_%s"),
    }


def _retro_page(
    request: HttpRequest,
    collab: Collaboration,
    kind: str,
    retro: Retrospective | None,
    page_forms: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    detail = None
    if retro is not None:
        detail = selectors.retro_detail(retro)
        detail.collaboration = collab
    user = request.user
    return render(
        request,
        "reviews/retro_detail.html",
        {
            "collab": collab,
            "kind": RetroKind(kind),
            "retro": detail,
            "worked": [p for p in detail.points.all() if p.kind == "worked"] if detail else [],
            "improve": [p for p in detail.points.all() if p.kind == "improve"] if detail else [],
            "can_start": detail is None
            and collab.state in access.OPEN_STATES
            and access.may_write(user, collab),
            "can_write": detail is not None and access.can_write_now(user, detail),
            "can_contribute": detail is not None and access.can_contribute_now(user, detail),
            "may_write": access.may_write(user, collab),
            "formats": ("docx", "pdf", "xlsx"),
            **page_forms,
        },
        status=status,
    )


@login_required
@require_GET
def retro_detail(request: HttpRequest, ref: str, kind: str) -> HttpResponse:
    collab, retro = or_404(access.retro_for, request.user, ref, kind)
    return _retro_page(request, collab, kind, retro, _retro_forms(retro, collab))


@login_required
@require_POST
def retro_action(request: HttpRequest, ref: str, kind: str, action: str) -> HttpResponse:
    collab, retro = or_404(access.retro_for, request.user, ref, kind)
    user = request.user
    page_forms = _retro_forms(retro, collab, request.POST, action)
    if action == "start":
        form = page_forms["retro_form"]
        ok = _run(
            form,
            lambda: services.retrospective_start(
                actor=user, collaboration=collab, kind=kind, summary=form.cleaned_data["summary"]
            ),
        )
        if ok:
            return redirect("reviews:retro", collab.ref, kind)
        return _retro_page(request, collab, kind, retro, page_forms, status=400)
    if retro is None:
        raise Http404
    ok = False
    if action == "update":
        form = page_forms["retro_form"]
        ok = _run(
            form,
            lambda: services.retrospective_update(actor=user, retro=retro, **form.cleaned_data),
        )
    elif action == "point":
        form = page_forms["point_form"]
        ok = _run(
            form, lambda: services.retro_point_add(actor=user, retro=retro, **form.cleaned_data)
        )
    elif action == "measure":
        form = page_forms["measure_form"]
        ok = _run(form, lambda: services.measure_add(actor=user, parent=retro, **form.cleaned_data))
    elif action == "proposal":
        form = page_forms["proposal_form"]
        ok = _run(
            form, lambda: services.proposal_make(actor=user, retro=retro, **form.cleaned_data)
        )
    elif action in ("publish", "measure-done"):
        try:
            if action == "publish":
                services.retrospective_publish(actor=user, retro=retro)
            else:
                raw = request.POST.get("measure", "")
                measure = Measure.objects.filter(
                    retrospective=retro, pk=int(raw) if raw.isdigit() and len(raw) < 18 else 0
                ).first()
                if measure is None:
                    raise Http404
                services.measure_done(actor=user, measure=measure)
        except DomainError as exc:
            if exc.code == "not_found":
                raise Http404(str(exc.message)) from None
            messages.error(request, str(exc.message))
        return redirect("reviews:retro", collab.ref, kind)
    else:
        raise Http404
    if ok:
        return redirect("reviews:retro", collab.ref, kind)
    return _retro_page(request, collab, kind, retro, page_forms, status=400)


@login_required
@require_GET
def retro_export(request: HttpRequest, ref: str, kind: str, fmt: str) -> HttpResponse:
    collab, retro = or_404(access.retro_for, request.user, ref, kind)
    if retro is None or fmt not in FORMATS:
        raise Http404
    title = reports.FEEDBACK_TITLE if kind == RetroKind.PROJECT else reports.RETRO_TITLE
    detail = selectors.retro_detail(retro)
    detail.collaboration = collab
    return download(reports._retro_doc(collab, detail, title), fmt)


# ---------------------------------------------------------------- proposals (PMO)


@login_required
@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    if not access.may_decide_proposals(request.user):
        raise Http404
    state = request.GET.get("state", "open")
    page = Paginator(selectors.proposals(state), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/proposal_list.html",
        {
            "page": page,
            "proposals": list(page.object_list),
            "state": state,
            "form": forms.DecideForm(),
        },
    )


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not access.may_decide_proposals(request.user):
        raise Http404
    proposal = Proposal.objects.select_related("collaboration").filter(pk=pk).first()
    if proposal is None:
        raise Http404
    form = forms.DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose adopt or decline."))
        return redirect("reviews:proposals")
    try:
        services.proposal_decide(
            actor=request.user,
            proposal=proposal,
            adopt=form.cleaned_data["decision"] == "adopt",
            note=form.cleaned_data["note"],
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The proposal was decided and its proposer told."))
    return redirect("reviews:proposals")
