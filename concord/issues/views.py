"""Pages of the issue log: thin, POST-only for changes; DomainErrors become form errors."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from concord.lib.web import or_404, show_errors
from concord.meetings.models import Meeting
from concord.orgs.models import Department
from concord.tasks.models import Task

from . import access, exports, forms, meetings, selectors, services
from .models import Issue, Level


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


def _issue(request: HttpRequest, ref: str, number: str) -> Issue:
    return or_404(access.issue_for, request.user, ref, number)


def _all_departments(collab: Collaboration) -> Any:
    ids = set(collab.departments.values_list("department_id", flat=True)) | {collab.department_id}
    return Department.objects.filter(pk__in=ids).order_by("name")


# ---------------------------------------------------------------- lists


def _filters(request: HttpRequest, form: forms.FilterForm) -> selectors.Filters:
    if not form.is_valid():
        return selectors.Filters()
    data = form.cleaned_data
    dept = data.get("department")
    return selectors.Filters(
        level=int(data["level"]) if data.get("level") else None,
        status=data.get("status") or "",
        department=dept.pk if dept is not None else None,
        overdue=bool(data.get("overdue")),
        mine=bool(data.get("mine")),
        q=(request.GET.get("q") or "").strip()[:100],
    )


def _render_list(
    request: HttpRequest, collab: Collaboration | None, form: forms.FilterForm
) -> HttpResponse:
    filters = _filters(request, form)
    filters.collaboration = collab
    issues = list(selectors.issue_list(request.user, filters)[:500])
    return render(
        request,
        "issues/list.html",
        {
            "collab": collab,
            "issues": issues,
            "form": form,
            "now": timezone.now(),
            "can_raise": collab is not None and access.can_raise_now(request.user, collab),
        },
    )


@login_required
@require_GET
def all_issues(request: HttpRequest) -> HttpResponse:
    """Every issue the user may see, across collaborations (问题跟踪)."""
    return _render_list(request, None, forms.FilterForm(request.GET or None))


@login_required
@require_GET
def issue_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    form = forms.FilterForm(request.GET or None, departments=_all_departments(collab))
    return _render_list(request, collab, form)


@login_required
@require_GET
def summary(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    return render(
        request,
        "issues/summary.html",
        {"collab": collab, "summary": selectors.summary_of(collab)},
    )


@login_required
@require_GET
def export(request: HttpRequest, ref: str) -> HttpResponse:
    return exports.table_response(_collab(request, ref))


# ---------------------------------------------------------------- raise and edit


def _source(request: HttpRequest, collab: Collaboration) -> Any | None:
    """The task (?task=T-001) or meeting (?meeting=<id>) the issue is raised from."""
    number = (request.GET.get("task") or request.POST.get("task") or "").strip()
    if number:
        return Task.objects.filter(collaboration=collab, number=number.upper()).first()
    meeting = (request.GET.get("meeting") or request.POST.get("meeting") or "").strip()
    if meeting.isdigit():
        return Meeting.objects.filter(collaboration=collab, pk=int(meeting)).first()
    return None


def _prefill(source: Any) -> dict[str, Any]:
    if source is None:
        return {}
    initial: dict[str, Any] = {"title": str(getattr(source, "title", "") or "")[:200]}
    reason = getattr(source, "blocked_reason", "")
    if reason:
        initial["phenomenon"] = reason
    owner = getattr(source, "owner", None)
    if owner is not None:
        initial["owner"] = owner.pk
    dept = getattr(source, "department_id", None)
    if dept is not None:
        initial["departments"] = [dept]
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def issue_new(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    if not access.can_raise_now(request.user, collab):
        messages.error(request, _("You are not allowed to do this."))
        return redirect("issues:list", ref=collab.ref)
    source = _source(request, collab)
    form = forms.RaiseForm(
        request.POST or None,
        initial=_prefill(source),
        departments=_all_departments(collab),
        people=services.people_of(collab),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["departments"] = list(data.get("departments") or [])
        try:
            issue = services.issue_raise(
                actor=request.user, collaboration=collab, source=source, **data
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Issue %(number)s was raised.") % {"number": issue.number})
            return redirect(issue.get_absolute_url())
    return render(
        request,
        "issues/form.html",
        {"collab": collab, "form": form, "issue": None, "source": source},
    )


@login_required
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    issue = _issue(request, ref, number)
    if not access.can_update_now(request.user, issue):
        messages.error(request, _("You are not allowed to do this."))
        return redirect(issue.get_absolute_url())
    initial: dict[str, Any] = {name: getattr(issue, name) for name in services.EDITABLE}
    initial["owner"] = issue.owner_id
    initial["departments"] = list(issue.departments.values_list("pk", flat=True))
    form = forms.IssueForm(
        request.POST or None,
        initial=initial,
        departments=_all_departments(issue.collaboration),
        people=services.people_of(issue.collaboration),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["departments"] = list(data.get("departments") or [])
        try:
            services.issue_edit(actor=request.user, issue=issue, **data)
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The issue was saved."))
            return redirect(issue.get_absolute_url())
    return render(
        request,
        "issues/form.html",
        {"collab": issue.collaboration, "form": form, "issue": issue, "source": None},
    )


# ---------------------------------------------------------------- the issue page


def _detail_context(request: HttpRequest, issue: Issue, **forms_: Any) -> dict[str, Any]:
    user = request.user
    periods = selectors.periods_of(issue)
    path = services.escalation_path_of(issue.collaboration)
    context = {
        "collab": issue.collaboration,
        "issue": issue,
        "periods": periods,
        "updates": selectors.updates_of(issue),
        "source": selectors.source_of(issue),
        "meetings": selectors.meetings_of(issue),
        "path": path,
        "now": timezone.now(),
        "can_update": access.can_update_now(user, issue),
        "can_redate": access.can_redate_now(user, issue),
        "can_escalate": access.can_escalate_now(user, issue),
        "can_deescalate": access.can_deescalate_now(user, issue),
        "can_resolve": access.can_resolve_now(user, issue),
        "can_confirm": access.can_confirm_now(user, issue),
        "can_meet": access.can_schedule_meeting_now(user, issue),
        "update_form": forms.UpdateForm(),
        "escalate_form": forms.ReasonForm(prefix="escalate"),
        "deescalate_form": forms.ReasonForm(prefix="deescalate"),
        "redate_form": forms.RedateForm(
            initial={"due_at": timezone.localtime(issue.due_at).strftime("%Y-%m-%dT%H:%M")}
        ),
        "resolve_form": forms.ResolveForm(initial={"root_cause": issue.root_cause}),
        "close_form": forms.CloseForm(),
        "reopen_form": forms.ReasonForm(prefix="reopen"),
        "levels": Level,
    }
    context.update(forms_)
    return context


@login_required
@require_GET
def issue_detail(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    issue = _issue(request, ref, number)
    return render(request, "issues/detail.html", _detail_context(request, issue))


def _post_action(
    request: HttpRequest,
    ref: str,
    number: str,
    *,
    form_class: type[Any],
    prefix: str | None,
    context_name: str,
    call: Any,
    done: str,
) -> HttpResponse:
    issue = _issue(request, ref, number)
    form = form_class(request.POST, prefix=prefix) if prefix else form_class(request.POST)
    if form.is_valid():
        try:
            call(issue, form.cleaned_data)
        except DomainError as exc:
            if exc.code == "forbidden":
                messages.error(request, str(exc.message))
                return redirect(issue.get_absolute_url())
            show_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(issue.get_absolute_url())
    context = _detail_context(request, issue, **{context_name: form})
    return render(request, "issues/detail.html", context, status=400)


@login_required
@require_POST
def update_post(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.UpdateForm,
        prefix=None,
        context_name="update_form",
        call=lambda i, d: services.issue_update_post(actor=request.user, issue=i, body=d["body"]),
        done=_("Your status update was posted."),
    )


@login_required
@require_POST
def escalate(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.ReasonForm,
        prefix="escalate",
        context_name="escalate_form",
        call=lambda i, d: services.issue_escalate(actor=request.user, issue=i, reason=d["reason"]),
        done=_("The issue was escalated. You can schedule an escalation meeting below."),
    )


@login_required
@require_POST
def deescalate(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.ReasonForm,
        prefix="deescalate",
        context_name="deescalate_form",
        call=lambda i, d: services.issue_deescalate(
            actor=request.user, issue=i, reason=d["reason"]
        ),
        done=_("The issue was brought back one level."),
    )


@login_required
@require_POST
def redate(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.RedateForm,
        prefix=None,
        context_name="redate_form",
        call=lambda i, d: services.issue_redate(
            actor=request.user, issue=i, due_at=d["due_at"], reason=d.get("reason") or ""
        ),
        done=_("The resolution deadline was changed."),
    )


@login_required
@require_POST
def resolve(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.ResolveForm,
        prefix=None,
        context_name="resolve_form",
        call=lambda i, d: services.issue_resolve(
            actor=request.user, issue=i, resolution=d["resolution"], root_cause=d["root_cause"]
        ),
        done=_("The issue was resolved; it closes once the resolution is confirmed."),
    )


@login_required
@require_POST
def close(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.CloseForm,
        prefix=None,
        context_name="close_form",
        call=lambda i, d: services.issue_close(actor=request.user, issue=i, note=d["note"]),
        done=_("The resolution was confirmed and the issue closed."),
    )


@login_required
@require_POST
def reopen(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    return _post_action(
        request,
        ref,
        number,
        form_class=forms.ReasonForm,
        prefix="reopen",
        context_name="reopen_form",
        call=lambda i, d: services.issue_reopen(actor=request.user, issue=i, reason=d["reason"]),
        done=_("The issue was reopened."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    """Schedule an escalation meeting (问题升级会) for a level-2 or level-3 issue."""
    issue = _issue(request, ref, number)
    if not access.can_schedule_meeting_now(request.user, issue):
        messages.error(request, _("You are not allowed to do this."))
        return redirect(issue.get_absolute_url())
    start = timezone.localtime(timezone.now() + timedelta(hours=2)).replace(
        minute=0, second=0, microsecond=0
    )
    form = forms.MeetingForm(
        request.POST or None,
        initial={
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 60,
            "attendees": [u.pk for u in meetings.default_attendees(issue)],
        },
        people=services.people_of(issue.collaboration),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = meetings.escalation_meeting_schedule(
                actor=request.user,
                issue=issue,
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                place=data.get("place") or "",
                attendees=list(data["attendees"]),
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The escalation meeting was scheduled."))
            url = getattr(created, "get_absolute_url", None)
            return redirect(url() if url else issue.get_absolute_url())
    return render(
        request,
        "issues/meeting_form.html",
        {"collab": issue.collaboration, "issue": issue, "form": form},
    )
