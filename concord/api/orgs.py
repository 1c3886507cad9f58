"""The organization over the API: departments, people, delegations, import.

Every employee may read; the PMO writes (a person may also manage their own
delegations). People are referred to by their person id everywhere.
"""

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import PageNumberPagination, paginate

from concord.api.common import user_of
from concord.lib.errors import DomainError
from concord.orgs import access, importing, selectors, services
from concord.orgs.models import Delegation, Department, Level, Person

router = Router()

MAX_IMPORT_BYTES = 10 * 1024 * 1024


# --- Schemas -------------------------------------------------------------


def _person_ref(user: Any) -> dict[str, Any] | None:
    person = getattr(user, "person", None) if user is not None else None
    if person is None:
        return None
    return {"id": person.pk, "username": user.get_username(), "name": person.name}


class PersonRef(Schema):
    id: int = Field(..., examples=[12], description="Person id.")
    username: str = Field(..., examples=["zhangwei"])
    name: str = Field(..., examples=["张伟"])


class DepartmentRef(Schema):
    id: int = Field(..., examples=[3])
    code: str = Field(..., examples=["market"])
    name: str = Field(..., examples=["市场部"])


class DepartmentOut(Schema):
    id: int = Field(..., examples=[3])
    code: str = Field(..., examples=["market"])
    name: str = Field(..., examples=["市场部"])
    parent_id: int | None = Field(None, examples=[1])
    head: PersonRef | None = None
    members_count: int = Field(0, examples=[8], description="Active members.")
    is_active: bool = True

    @staticmethod
    def resolve_head(obj: Department) -> dict[str, Any] | None:
        return _person_ref(obj.head)

    @staticmethod
    def resolve_members_count(obj: Department) -> int:
        return getattr(obj, "members_count", 0)


class PersonOut(Schema):
    id: int = Field(..., examples=[12])
    username: str = Field(..., examples=["zhangwei"])
    name: str = Field(..., examples=["张伟"])
    employee_no: str = Field(..., examples=["E0012"])
    email: str = Field("", examples=["zhangwei@example.com"])
    department: DepartmentRef
    title: str = Field("", examples=["市场部经理"])
    manager: PersonRef | None = None
    level: str = Field(..., examples=["dept_head"], description="One of " + ", ".join(Level.values))
    is_pmo: bool = False
    is_active: bool = True
    phone: str = ""
    language: str = Field("zh-hans", examples=["zh-hans"])

    @staticmethod
    def resolve_username(obj: Person) -> str:
        return obj.user.get_username()

    @staticmethod
    def resolve_email(obj: Person) -> str:
        return obj.user.email

    @staticmethod
    def resolve_is_active(obj: Person) -> bool:
        return obj.user.is_active

    @staticmethod
    def resolve_manager(obj: Person) -> dict[str, Any] | None:
        return _person_ref(obj.manager)


class DepartmentIn(Schema):
    name: str = Field(..., min_length=1, max_length=100, examples=["运营部"])
    code: str = Field(
        ..., min_length=1, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$", examples=["ops"]
    )
    parent_id: int | None = Field(None, examples=[1])


class DepartmentPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=100, examples=["运营中心"])
    parent_id: int | None = Field(
        None, examples=[1], description="Send null to move the department to the top."
    )
    is_active: bool | None = None


class HeadIn(Schema):
    head_id: int | None = Field(..., examples=[12], description="Person id, or null for none.")


class PersonIn(Schema):
    username: str = Field(..., min_length=1, max_length=150, examples=["liuyang"])
    name: str = Field(..., min_length=1, max_length=100, examples=["刘洋"])
    employee_no: str = Field(..., min_length=1, max_length=40, examples=["E0051"])
    department_id: int = Field(..., examples=[3])
    email: str = Field("", max_length=254, examples=["liuyang@example.com"])
    title: str = Field("", max_length=100, examples=["市场专员"])
    manager_id: int | None = Field(None, examples=[12])
    level: Level = Field(Level.STAFF, examples=["staff"])
    is_pmo: bool = False
    phone: str = Field("", max_length=40)


class PersonPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=100)
    employee_no: str | None = Field(None, min_length=1, max_length=40)
    department_id: int | None = None
    email: str | None = Field(None, max_length=254)
    title: str | None = Field(None, max_length=100)
    manager_id: int | None = Field(None, description="Send null to clear the manager.")
    level: Level | None = None
    is_pmo: bool | None = None
    phone: str | None = Field(None, max_length=40)
    language: str | None = Field(None, examples=["en"])


class DelegationIn(Schema):
    delegator_id: int = Field(..., examples=[12], description="Person id.")
    deputy_id: int = Field(..., examples=[13], description="Person id.")
    starts_on: date = Field(..., examples=["2027-03-01"])
    ends_on: date = Field(..., examples=["2027-03-05"])
    reason: str = Field("", max_length=200, examples=["出差"])


class DelegationOut(Schema):
    id: int
    delegator: PersonRef
    deputy: PersonRef
    starts_on: date
    ends_on: date
    reason: str
    is_revoked: bool

    @staticmethod
    def resolve_delegator(obj: Delegation) -> dict[str, Any] | None:
        return _person_ref(obj.delegator)

    @staticmethod
    def resolve_deputy(obj: Delegation) -> dict[str, Any] | None:
        return _person_ref(obj.deputy)

    @staticmethod
    def resolve_is_revoked(obj: Delegation) -> bool:
        return obj.revoked_at is not None


class RowErrorOut(Schema):
    sheet: str = Field(..., examples=["people"])
    row: int = Field(..., examples=[5])
    column: str = Field(..., examples=["department_code"])
    message: str


class ImportReportOut(Schema):
    ok: bool
    dry_run: bool
    applied: bool
    departments_created: int
    departments_updated: int
    people_created: int
    people_updated: int
    errors: list[RowErrorOut]


class PeopleFilter(Schema):
    department: int | None = Field(None, description="Department id.")
    q: str = Field("", max_length=100, description="Name, username, number or title contains.")
    level: Level | None = None


# --- Helpers -------------------------------------------------------------


def _dept(request: HttpRequest, pk: int) -> Department:
    return access.department_for_view(user_of(request), pk)


def _person(request: HttpRequest, pk: int) -> Person:
    return access.person_for_view(user_of(request), pk)


def _ref_user(pk: int | None, field: str) -> Any:
    """Return the user of a person id (None for None), or a 400 naming the field."""
    if pk is None:
        return None
    person = Person.objects.select_related("user").filter(pk=pk).first()
    if person is None:
        raise DomainError(_("No person has this id."), field=field)
    return person.user


def _ref_dept(pk: int | None, field: str) -> Department | None:
    if pk is None:
        return None
    dept = Department.objects.filter(pk=pk).first()
    if dept is None:
        raise DomainError(_("No department has this id."), field=field)
    return dept


def _require_manage(request: HttpRequest) -> None:
    # The services check too; asking first answers 403 before a 400 for a
    # bad reference leaks whether an id exists.
    if not user_of(request).has_perm("orgs.manage_org"):
        raise DomainError(_("You are not allowed to do this."), code="forbidden")


# --- Departments ---------------------------------------------------------


@router.get("/departments", response=list[DepartmentOut], summary="List departments (flat)")
def list_departments(request: HttpRequest, include_inactive: bool = False) -> Any:
    """Return every department with its parent id; build the tree from `parent_id`."""
    access.require_view(user_of(request))
    qs = selectors.departments_with_counts().order_by("name", "pk")
    return qs if include_inactive else qs.filter(is_active=True)


@router.get("/departments/{dept_id}", response=DepartmentOut, summary="One department")
def get_department(request: HttpRequest, dept_id: int) -> Any:
    return _dept(request, dept_id)


@router.post("/departments", response={201: DepartmentOut}, summary="Create a department (PMO)")
def create_department(request: HttpRequest, payload: DepartmentIn) -> Any:
    _require_manage(request)
    dept = services.department_create(
        actor=user_of(request),
        name=payload.name,
        code=payload.code,
        parent=_ref_dept(payload.parent_id, "parent_id"),
    )
    return Status(201, _dept(request, dept.pk))


@router.patch("/departments/{dept_id}", response=DepartmentOut, summary="Change a department (PMO)")
def update_department(request: HttpRequest, dept_id: int, payload: DepartmentPatch) -> Any:
    dept = _dept(request, dept_id)
    _require_manage(request)
    given = payload.model_fields_set
    services.department_update(
        actor=user_of(request),
        department=dept,
        name=payload.name,
        parent=_ref_dept(payload.parent_id, "parent_id")
        if "parent_id" in given
        else services.UNSET,
        is_active=payload.is_active,
    )
    return _dept(request, dept_id)


@router.put("/departments/{dept_id}/head", response=DepartmentOut, summary="Set the head (PMO)")
def set_head(request: HttpRequest, dept_id: int, payload: HeadIn) -> Any:
    dept = _dept(request, dept_id)
    _require_manage(request)
    services.department_set_head(
        actor=user_of(request), department=dept, head=_ref_user(payload.head_id, "head_id")
    )
    return _dept(request, dept_id)


# --- People --------------------------------------------------------------


@router.get("/people", response=list[PersonOut], summary="List people (paginated)")
@paginate(PageNumberPagination, page_size=50)
def list_people(request: HttpRequest, filters: Query[PeopleFilter]) -> Any:
    access.require_view(user_of(request))
    return selectors.people_list(
        department=filters.department, q=filters.q, level=filters.level or ""
    )


@router.get("/people/{person_id}", response=PersonOut, summary="One person")
def get_person(request: HttpRequest, person_id: int) -> Any:
    return _person(request, person_id)


@router.post("/people", response={201: PersonOut}, summary="Create a person and login (PMO)")
def create_person(request: HttpRequest, payload: PersonIn) -> Any:
    _require_manage(request)
    dept = _ref_dept(payload.department_id, "department_id")
    assert dept is not None
    person = services.person_create(
        actor=user_of(request),
        username=payload.username,
        name=payload.name,
        employee_no=payload.employee_no,
        department=dept,
        email=payload.email,
        title=payload.title,
        manager=_ref_user(payload.manager_id, "manager_id"),
        level=payload.level,
        is_pmo=payload.is_pmo,
        phone=payload.phone,
    )
    return Status(201, _person(request, person.pk))


@router.patch("/people/{person_id}", response=PersonOut, summary="Change a person (PMO)")
def update_person(request: HttpRequest, person_id: int, payload: PersonPatch) -> Any:
    person = _person(request, person_id)
    given = payload.model_fields_set
    services.person_update(
        actor=user_of(request),
        person=person,
        name=payload.name,
        employee_no=payload.employee_no,
        department=_ref_dept(payload.department_id, "department_id"),
        email=payload.email,
        title=payload.title,
        manager=_ref_user(payload.manager_id, "manager_id")
        if "manager_id" in given
        else services.UNSET,
        level=payload.level,
        is_pmo=payload.is_pmo,
        phone=payload.phone,
        language=payload.language,
    )
    return _person(request, person_id)


@router.post(
    "/people/{person_id}/deactivate", response=PersonOut, summary="Deactivate a person (PMO)"
)
def deactivate_person(request: HttpRequest, person_id: int) -> Any:
    person = _person(request, person_id)
    services.person_deactivate(actor=user_of(request), person=person)
    return _person(request, person_id)


@router.get(
    "/people/{person_id}/delegations",
    response=list[DelegationOut],
    summary="Delegations given or received by a person",
)
def person_delegations(request: HttpRequest, person_id: int) -> Any:
    person = _person(request, person_id)
    return list(selectors.delegations_of(person.user))


# --- Delegations ---------------------------------------------------------


@router.post(
    "/delegations",
    response={201: DelegationOut},
    summary="Delegate approvals (the delegator themself, or PMO)",
)
def create_delegation(request: HttpRequest, payload: DelegationIn) -> Any:
    access.require_view(user_of(request))
    delegator = _ref_user(payload.delegator_id, "delegator_id")
    if not user_of(request).has_perm("orgs.manage_delegation", delegator):
        raise DomainError(_("You are not allowed to do this."), code="forbidden")
    delegation = services.delegation_create(
        actor=user_of(request),
        delegator=delegator,
        deputy=_ref_user(payload.deputy_id, "deputy_id"),
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        reason=payload.reason,
    )
    return Status(201, access.delegation_for_view(user_of(request), delegation.pk))


@router.post(
    "/delegations/{delegation_id}/revoke", response=DelegationOut, summary="Revoke a delegation"
)
def revoke_delegation(request: HttpRequest, delegation_id: int) -> Any:
    delegation = access.delegation_for_view(user_of(request), delegation_id)
    services.delegation_revoke(actor=user_of(request), delegation=delegation)
    return access.delegation_for_view(user_of(request), delegation_id)


# --- Import --------------------------------------------------------------


@router.post(
    "/org/import",
    response={200: ImportReportOut, 400: ImportReportOut},
    summary="Import departments and people from .xlsx (PMO)",
    description="All or nothing: with any bad row nothing changes and the answer (400) lists "
    "every error with sheet, row and column. `dry_run` checks without changing anything.",
)
def import_org(request: HttpRequest, file: File[UploadedFile], dry_run: Form[bool] = False) -> Any:
    _require_manage(request)
    if file.size is not None and file.size > MAX_IMPORT_BYTES:
        raise DomainError(_("The file is too large (10 MB at most)."), field="file")
    report = importing.import_org(actor=user_of(request), file=file, dry_run=dry_run)
    return Status(200 if report.ok else 400, report.as_dict())
