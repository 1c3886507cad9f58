"""Pages of acceptance and effect verification: thin, POST-only for changes."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.approvals.selectors import current_flow, flow_detail
from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import FORMATS, download
from concord.lib.errors import DomainError
from concord.lib.web import or_404, show_errors
from concord.orgs.models import Department

from . import access, documents, forms, selectors, services
from .models import Item, Submission, SubmissionFile, Verdict, VerificationState


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


# ---------------------------------------------------------------- acceptance


@login_required
@require_GET
def item_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    rows = selectors.rows_of(collab)
    user = request.user
    may_submit = access.submit_checker(user, collab)
    under_way = access.under_way(collab)
    for row in rows:
        dept = row.department.pk if row.department is not None else None
        row.can_submit = (  # type: ignore[attr-defined]
            under_way
            and row.in_plan
            and row.state in ("pending", "rework")
            and may_submit(dept, row.name)
        )
    return render(
        request,
        "acceptance/item_list.html",
        {
            "collab": collab,
            "rows": rows,
            "group": selectors.group_of(collab),
            "can_set_group": access.under_way(collab) and access.can_set_group(user, collab),
            "summary": selectors.summary_of(collab),
            "under_way": under_way,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    if not access.can_set_group(request.user, collab):
        raise Http404
    group = selectors.group_of(collab)
    initial = (
        {
            "lead": group.lead,
            "members": [m.user for m in group.members.all()],
            "mode": group.mode,
            "judging_days": group.judging_days,
        }
        if group is not None
        else {"mode": "lead", "judging_days": 3}
    )
    form = forms.GroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.acceptance_group_set(
                actor=request.user,
                collaboration=collab,
                lead=data["lead"],
                members=list(data["members"]),
                mode=data["mode"],
                judging_days=data["judging_days"],
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The acceptance group was saved."))
            return redirect("acceptance:list", ref=collab.ref)
    return render(request, "acceptance/group_form.html", {"collab": collab, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, ref: str, key: Any) -> HttpResponse:
    collab = _collab(request, ref)
    deliverable = or_404(services.deliverable_of, collab, key)
    dept = deliverable.owner_department_id
    if not access.can_submit(request.user, collab, dept, deliverable.name):
        raise Http404
    standards = services.standards_of(deliverable.standard, deliverable.name)
    item = Item.objects.filter(collaboration=collab, deliverable_key=deliverable.key).first()
    last = item.submissions.order_by("-round").first() if item is not None else None
    previous = list(last.lines.all()) if last is not None else []
    form = forms.SubmitForm(
        request.POST or None, request.FILES or None, standards=standards, previous=previous
    )
    if request.method == "POST" and form.is_valid():
        try:
            sub = services.acceptance_submit(
                actor=request.user,
                collaboration=collab,
                deliverable_key=deliverable.key,
                answers=form.answers(),
                note=form.cleaned_data["note"],
                files=form.cleaned_data["attachments"],
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The deliverable was submitted for acceptance."))
            return redirect(sub.item.get_absolute_url())
    return render(
        request,
        "acceptance/submit_form.html",
        {
            "collab": collab,
            "deliverable": deliverable,
            "form": form,
            "item": item,
            "last": last,
        },
    )


def _item(request: HttpRequest, ref: str, pk: int) -> Item:
    return or_404(access.item_for, request.user, ref, pk)


@login_required
@require_GET
def item_detail(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    item = _item(request, ref, pk)
    collab = item.collaboration
    detail = selectors.item_detail(item)
    flow = current_flow(item, services.PURPOSE)
    return render(
        request,
        "acceptance/item_detail.html",
        {
            "collab": collab,
            "item": detail,
            "submissions": list(detail.submissions.all()),
            "flow": flow_detail(flow) if flow is not None else None,
            "can_judge": access.can_judge(request.user, item),
            "can_resubmit": access.under_way(collab)
            and item.state == "rework"
            and access.can_submit(request.user, collab, item.owner_department_id, item.name),
            "judge_form": forms.JudgeForm(),
            "verdicts": Verdict,
        },
    )


@login_required
@require_POST
def judge(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    item = _item(request, ref, pk)
    form = forms.JudgeForm(request.POST)
    sub = Submission.objects.filter(item=item, round=item.rounds).first()
    if sub is None:
        raise Http404
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.acceptance_judge(
                actor=request.user,
                submission=sub,
                verdict=data["verdict"],
                note=data["note"],
                rework_due=data["rework_due"],
            )
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Your verdict was recorded."))
    else:
        messages.error(request, _("Choose a verdict."))
    return redirect(item.get_absolute_url())


def _fmt(fmt: str, allowed: tuple[str, ...] = ("docx", "pdf")) -> str:
    if fmt not in FORMATS or fmt not in allowed:
        raise Http404
    return fmt


@login_required
@require_GET
def selfcheck_download(
    request: HttpRequest, ref: str, pk: int, round: int, fmt: str
) -> HttpResponse:
    item = _item(request, ref, pk)
    sub = Submission.objects.filter(item=item, round=round).first()
    if sub is None:
        raise Http404
    doc = documents.selfcheck_doc(item.collaboration, sub)
    if doc is None:
        raise Http404
    return download(doc, _fmt(fmt))


@login_required
@require_GET
def record_download(request: HttpRequest, ref: str, fmt: str) -> HttpResponse:
    collab = _collab(request, ref)
    doc = documents.record_doc(collab, final_only=False)
    if doc is None:
        raise Http404
    return download(doc, _fmt(fmt, ("docx", "pdf", "xlsx")))


@login_required
@require_GET
def file_download(request: HttpRequest, ref: str, pk: int) -> FileResponse:
    collab = _collab(request, ref)
    stored = SubmissionFile.objects.filter(pk=pk, submission__item__collaboration=collab).first()
    if stored is None:
        raise Http404
    return FileResponse(stored.file.open("rb"), as_attachment=True, filename=stored.name)


# ---------------------------------------------------------------- effect verification


def _verification(request: HttpRequest, ref: str) -> Any:
    return or_404(access.verification_for, request.user, ref)


@login_required
@require_GET
def verification_page(request: HttpRequest, ref: str) -> HttpResponse:
    collab, _latest = _verification(request, ref)
    user = request.user
    rounds = selectors.verifications_of(collab)
    open_round = rounds[-1] if rounds and rounds[-1].state != VerificationState.DECIDED else None
    answerable = []
    if open_round is not None and open_round.state == VerificationState.COLLECTING:
        answerable = [
            f for f in open_round.feedback.all() if access.can_answer(user, collab, f.department_id)
        ]
    # Each department its own form, holding its answer so far (an answer can be revised).
    answer_forms = [
        (
            f,
            forms.FeedbackForm(
                initial={"rating": f.rating, "text": f.text} if f.answered_at else None,
                auto_id=f"feedback{f.department_id}_%s",
            ),
        )
        for f in answerable
    ]
    waiting = (
        [f.department for f in open_round.feedback.all() if not f.answered_at]
        if open_round is not None and open_round.state == VerificationState.COLLECTING
        else []
    )
    manage = access.under_way(collab) and access.can_manage_verification(user, collab)
    return render(
        request,
        "acceptance/verification.html",
        {
            "collab": collab,
            "rounds": rounds,
            "open_round": open_round,
            "request_form": getattr(collab, "request", None),
            "can_start": manage and not rounds,
            "can_decide": manage
            and open_round is not None
            and open_round.state == VerificationState.COLLECTING,
            "can_redefine": open_round is not None
            and open_round.state == VerificationState.DEFINING
            and access.can_redefine(user, collab),
            "answerable": answer_forms,
            "waiting": waiting,
            "under_way": access.under_way(collab),
            "decide_form": forms.DecideForm(),
            "redefine_form": forms.RedefineForm(
                initial={
                    "phenomenon": open_round.phenomenon,
                    "impact": open_round.impact,
                    "root_cause": open_round.root_cause,
                }
                if open_round is not None
                else None
            ),
        },
    )


def _back(
    request: HttpRequest, collab: Collaboration, call: Any, ok: str, **kw: Any
) -> HttpResponse:
    try:
        call(actor=request.user, **kw)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, ok)
    return redirect("acceptance:verification", ref=collab.ref)


def _form_error(request: HttpRequest, collab: Collaboration, form: Any) -> HttpResponse:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("acceptance:verification", ref=collab.ref)


@login_required
@require_POST
def verification_start(request: HttpRequest, ref: str) -> HttpResponse:
    collab, _latest = _verification(request, ref)
    return _back(
        request,
        collab,
        services.verification_start,
        _("Effect verification started; the departments were asked for feedback."),
        collaboration=collab,
    )


@login_required
@require_POST
def verification_redefine(request: HttpRequest, ref: str) -> HttpResponse:
    collab, latest = _verification(request, ref)
    form = forms.RedefineForm(request.POST)
    if latest is None or not form.is_valid():
        return _form_error(request, collab, form)
    return _back(
        request,
        collab,
        services.verification_redefine,
        _("The problem definition was revised; the departments were asked for feedback."),
        verification=latest,
        **form.cleaned_data,
    )


@login_required
@require_POST
def verification_feedback(request: HttpRequest, ref: str, department: int) -> HttpResponse:
    collab, latest = _verification(request, ref)
    dept = Department.objects.filter(pk=department).first()
    form = forms.FeedbackForm(request.POST)
    if latest is None or dept is None:
        raise Http404
    if not form.is_valid():
        return _form_error(request, collab, form)
    return _back(
        request,
        collab,
        services.verification_feedback,
        _("The feedback was recorded."),
        verification=latest,
        department=dept,
        **form.cleaned_data,
    )


@login_required
@require_POST
def verification_decide(request: HttpRequest, ref: str) -> HttpResponse:
    collab, latest = _verification(request, ref)
    form = forms.DecideForm(request.POST)
    if latest is None or not form.is_valid():
        return _form_error(request, collab, form)
    return _back(
        request,
        collab,
        services.verification_decide,
        _("The effect verification was concluded."),
        verification=latest,
        **form.cleaned_data,
    )


@login_required
@require_GET
def verification_download(request: HttpRequest, ref: str, fmt: str) -> HttpResponse:
    collab, _latest = _verification(request, ref)
    doc = documents.verification_doc(collab, final_only=False)
    if doc is None:
        raise Http404
    return download(doc, _fmt(fmt))
