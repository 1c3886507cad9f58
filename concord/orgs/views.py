"""Organization pages: the chart, departments, people, delegations, import.

Plain POST forms that redirect back; a refusal from a service becomes a
message on the page it came from. The working calendar's views live in
calendar_views.py.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.lib.errors import DomainError

from . import access, importing, selectors, services
from .forms import (
    DelegationForm,
    DepartmentCreateForm,
    DepartmentEditForm,
    HeadForm,
    ImportForm,
    PersonCreateForm,
    PersonEditForm,
)
from .models import Department, Level


def _visible(fetch: Any, request: HttpRequest, pk: int) -> Any:
    try:
        return fetch(request.user, pk)
    except DomainError as error:
        if error.code == "forbidden":
            raise PermissionDenied(str(error.message)) from None
        raise Http404 from None


def _require_view(request: HttpRequest) -> None:
    if not request.user.has_perm("orgs.view_org"):
        raise PermissionDenied


def _require_manage(request: HttpRequest) -> None:
    # The services check as well; checking first keeps a non-PMO's invalid
    # form from being answered with validation messages.
    if not request.user.has_perm("orgs.manage_org"):
        raise PermissionDenied


def _run(request: HttpRequest, action: Any, success: str) -> bool:
    """Call one service; turn its refusal into a message (forbidden into a 403)."""
    try:
        action()
    except DomainError as error:
        if error.code == "forbidden":
            raise PermissionDenied(str(error.message)) from None
        messages.error(request, str(error.message))
        return False
    messages.success(request, success)
    return True


def _form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


# --- Pages ---------------------------------------------------------------


@login_required
@require_GET
def chart(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    can_manage = request.user.has_perm("orgs.manage_org")
    return render(
        request,
        "orgs/chart.html",
        {
            "tree": selectors.department_tree(include_inactive=can_manage),
            "can_manage": can_manage,
            "create_form": DepartmentCreateForm() if can_manage else None,
        },
    )


@login_required
@require_GET
def department_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dept = _visible(access.department_for_view, request, pk)
    can_manage = request.user.has_perm("orgs.manage_org")
    context = {
        "department": dept,
        "chain": list(reversed(selectors.department_chain_up(dept)))[:-1],
        "members": selectors.people_list(department=dept.pk, active=None if can_manage else True),
        "children": selectors.departments_with_counts().filter(parent=dept).order_by("name"),
        "can_manage": can_manage,
        "levels": dict(Level.choices),
    }
    if can_manage:
        context["edit_form"] = DepartmentEditForm(department=dept)
        context["head_form"] = HeadForm(initial={"head": dept.head_id})
        context["person_form"] = PersonCreateForm(
            initial={"department": dept.pk, "language": "zh-hans", "level": Level.STAFF}
        )
    return render(request, "orgs/department.html", context)


@login_required
@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = _visible(access.person_for_view, request, pk)
    can_manage = request.user.has_perm("orgs.manage_org")
    can_delegate = request.user.has_perm("orgs.manage_delegation", person.user)
    context: dict[str, Any] = {
        "person": person,
        "delegations": list(selectors.delegations_of(person.user)),
        "can_manage": can_manage,
        "can_delegate": can_delegate,
    }
    if can_manage:
        context["edit_form"] = PersonEditForm(
            initial={
                "name": person.name,
                "employee_no": person.employee_no,
                "department": person.department_id,
                "title": person.title,
                "manager": person.manager_id,
                "level": person.level,
                "is_pmo": person.is_pmo,
                "email": person.user.email,
                "phone": person.phone,
                "language": person.language,
            }
        )
    if can_delegate and person.user.is_active:
        context["delegation_form"] = DelegationForm(exclude_user=person.user)
    return render(request, "orgs/person.html", context)


# --- Writes --------------------------------------------------------------


@login_required
@require_POST
def department_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    form = DepartmentCreateForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("orgs:chart")
    created: list[Department] = []
    data = form.cleaned_data
    _run(
        request,
        lambda: created.append(
            services.department_create(
                actor=request.user, name=data["name"], code=data["code"], parent=data["parent"]
            )
        ),
        _("The department was created."),
    )
    return redirect("orgs:department", pk=created[0].pk) if created else redirect("orgs:chart")


@login_required
@require_POST
def department_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    dept = _visible(access.department_for_view, request, pk)
    form = DepartmentEditForm(request.POST, department=dept)
    if form.is_valid():
        data = form.cleaned_data
        _run(
            request,
            lambda: services.department_update(
                actor=request.user,
                department=dept,
                name=data["name"],
                parent=data["parent"],
                is_active=data["is_active"],
            ),
            _("The department was saved."),
        )
    else:
        _form_errors(request, form)
    return redirect("orgs:department", pk=pk)


@login_required
@require_POST
def department_head(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    dept = _visible(access.department_for_view, request, pk)
    form = HeadForm(request.POST)
    if form.is_valid():
        _run(
            request,
            lambda: services.department_set_head(
                actor=request.user, department=dept, head=form.cleaned_data["head"]
            ),
            _("The head was set."),
        )
    else:
        _form_errors(request, form)
    return redirect("orgs:department", pk=pk)


@login_required
@require_POST
def person_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    form = PersonCreateForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        dept = request.POST.get("department", "")
        return (
            redirect("orgs:department", pk=int(dept)) if dept.isdigit() else redirect("orgs:chart")
        )
    data = form.cleaned_data
    created: list[Any] = []

    def create() -> None:
        created.append(
            services.person_create(
                actor=request.user,
                username=data["username"],
                name=data["name"],
                employee_no=data["employee_no"],
                department=data["department"],
                email=data["email"],
                title=data["title"],
                manager=data["manager"],
                level=data["level"],
                is_pmo=data["is_pmo"],
                phone=data["phone"],
            )
        )

    _run(request, create, _("The person was added."))
    if created:
        return redirect("orgs:person", pk=created[0].pk)
    return redirect("orgs:department", pk=data["department"].pk)


@login_required
@require_POST
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    person = _visible(access.person_for_view, request, pk)
    form = PersonEditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        _run(
            request,
            lambda: services.person_update(actor=request.user, person=person, **data),
            _("The profile was saved."),
        )
    else:
        _form_errors(request, form)
    return redirect("orgs:person", pk=pk)


@login_required
@require_POST
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manage(request)
    person = _visible(access.person_for_view, request, pk)
    _run(
        request,
        lambda: services.person_deactivate(actor=request.user, person=person),
        _("The person was deactivated."),
    )
    return redirect("orgs:person", pk=pk)


@login_required
@require_POST
def delegation_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = _visible(access.person_for_view, request, pk)
    form = DelegationForm(request.POST, exclude_user=person.user)
    if form.is_valid():
        data = form.cleaned_data
        _run(
            request,
            lambda: services.delegation_create(
                actor=request.user,
                delegator=person.user,
                deputy=data["deputy"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                reason=data["reason"],
            ),
            _("The delegation was created."),
        )
    else:
        _form_errors(request, form)
    return redirect("orgs:person", pk=pk)


@login_required
@require_POST
def delegation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    delegation = _visible(access.delegation_for_view, request, pk)
    _run(
        request,
        lambda: services.delegation_revoke(actor=request.user, delegation=delegation),
        _("The delegation was revoked."),
    )
    return redirect("orgs:person", pk=delegation.delegator.person.pk)


# --- Import --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = importing.import_org(
                actor=request.user,
                file=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except DomainError as error:
            form.add_error("file", str(error.message))
    status = 400 if (report is not None and not report.ok) or form.errors else 200
    return render(request, "orgs/import.html", {"form": form, "report": report}, status=status)


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    response = HttpResponse(
        importing.template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="concord-org-template.xlsx"'
    return response
