"""The team panel's actions: thin views over the team services, answered with the panel."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.lib.errors import DomainError

from . import access, lifecycle, selectors, services
from .models import Collaboration, Role, TeamMember
from .team_forms import DepartmentForm, MemberForm, PersonForm


def panel_context(user: Any, collab: Collaboration, roles: set[str]) -> dict[str, Any]:
    """Return what the team panel shows besides the departments (collab from detail_of)."""
    active = lifecycle.allowed(collab.state, "member_add")
    manages = active and access.can_manage_team(user, collab)
    departments = [pd.department for pd in collab.departments.all()]
    heads_for = [d for d in departments if access.speaks_for_head(user, d)] if active else []
    members = [m for m in collab.team.all() if m.role == Role.MEMBER]
    return {
        "team_lead": selectors.lead_of(collab),
        "team_sponsor": selectors.sponsor_of(collab),
        "team_manages": manages,
        "team_members": [
            (m, manages or any(d.pk == m.department_id for d in heads_for)) for m in members
        ],
        "lead_form": PersonForm(prefix="lead") if manages else None,
        "sponsor_form": PersonForm(prefix="sponsor") if manages else None,
        "department_form": (
            DepartmentForm(prefix="dept", exclude=[d.pk for d in departments]) if manages else None
        ),
        "member_form": (
            MemberForm(prefix="member", departments=departments if manages else heads_for)
            if manages or heads_for
            else None
        ),
    }


def _answer(request: HttpRequest, collab: Collaboration, error: str = "") -> HttpResponse:
    if not request.headers.get("HX-Request"):
        if error:
            messages.error(request, error)
        return redirect(collab.get_absolute_url() + "#departments")
    from .views import _detail_context

    context = _detail_context(request, collab)
    context["nominate_error"] = error
    return render(request, "collaborations/partials/departments.html", context)


def _get(request: HttpRequest, ref: str) -> Collaboration:
    try:
        return access.collaboration_for(request.user, ref)
    except DomainError as exc:
        raise Http404(str(exc.message)) from None


def _person_action(request: HttpRequest, ref: str, prefix: str, service: Any) -> HttpResponse:
    collab = _get(request, ref)
    form = PersonForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return _answer(request, collab, _("Person: choose an active employee."))
    try:
        service(actor=request.user, collaboration=collab, user=form.cleaned_data["user"])
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def team_set_lead(request: HttpRequest, ref: str) -> HttpResponse:
    return _person_action(request, ref, "lead", services.team_set_lead)


@login_required
@require_POST
def team_set_sponsor(request: HttpRequest, ref: str) -> HttpResponse:
    return _person_action(request, ref, "sponsor", services.team_set_sponsor)


@login_required
@require_POST
def department_add(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    form = DepartmentForm(request.POST, prefix="dept")
    if not form.is_valid():
        return _answer(request, collab, _("Department: choose an active department."))
    try:
        services.department_add(
            actor=request.user, collaboration=collab, department=form.cleaned_data["department"]
        )
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def department_set_lead(request: HttpRequest, ref: str, dept: int) -> HttpResponse:
    collab = _get(request, ref)
    row = collab.departments.select_related("department").filter(department_id=dept).first()
    if row is None:
        raise Http404
    try:
        services.department_set_lead(
            actor=request.user, collaboration=collab, department=row.department
        )
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def member_add(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _get(request, ref)
    departments = [pd.department for pd in collab.departments.select_related("department")]
    form = MemberForm(request.POST, prefix="member", departments=departments)
    if not form.is_valid():
        return _answer(request, collab, _("Person: choose an active employee."))
    try:
        services.member_add(
            actor=request.user,
            collaboration=collab,
            user=form.cleaned_data["user"],
            department=form.cleaned_data.get("department"),
        )
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)


@login_required
@require_POST
def member_remove(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    collab = _get(request, ref)
    member = TeamMember.objects.filter(pk=pk, collaboration=collab).first()
    if member is None:
        raise Http404
    try:
        services.member_remove(actor=request.user, member=member)
    except DomainError as exc:
        return _answer(request, collab, str(exc.message))
    return _answer(request, collab)
