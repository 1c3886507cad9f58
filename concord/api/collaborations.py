"""Collaborations over the API: requests, their approval's outcome, team contacts, files.

A collaboration is named by its number (`XQ-2026-0001`) or, while it is a
draft without one, its id; both work everywhere. One that the caller may
not see answers 404 exactly like one that does not exist. People are
referred to by their person id, departments by their id.
"""

import datetime as dt
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import PageNumberPagination, paginate

from concord.api.common import user_of
from concord.collaborations import access, exports, selectors, services
from concord.collaborations.inputs import DatedRow, RequestInput, SuggestedRow, input_from
from concord.collaborations.lifecycle import State
from concord.collaborations.models import Attachment, Collaboration, Importance, Kind
from concord.lib.errors import DomainError, not_found
from concord.orgs.models import Department, Person

router = Router()

REF_DOC = "The number (XQ-2026-0001) or, for a draft, the id."


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
    name: str = Field(..., examples=["研发部"])


class SuggestedIn(Schema):
    department_id: int = Field(..., examples=[3])
    people: list[int] = Field(default_factory=list, examples=[[12]], description="Person ids.")


class KeyDateIn(Schema):
    label: str = Field(..., max_length=100, examples=["上线"])
    date: dt.date = Field(..., examples=["2026-09-01"])


class CoreProblemIn(Schema):
    description: str = Field(..., max_length=1000, examples=["产品部提供最终版产品参数说明书"])
    due_on: date = Field(..., examples=["2026-08-10"])


class RequestFields(Schema):
    name: str = Field("", max_length=200, examples=["新品上市推广"])
    importance: Importance = Field(Importance.NORMAL, examples=["normal"])
    confidential: bool = False
    contact_phone: str = Field("", max_length=40, examples=["13800000000"])
    contact_email: str = Field("", max_length=254, examples=["alice@example.com"])
    background: str = Field("", examples=["为提升产品市场占有率,需联合研发、销售部门推出促销活动"])
    goals: str = Field("", examples=["9月1日启动推广"])
    start_on: date | None = Field(None, examples=["2026-08-01"])
    end_on: date | None = Field(None, examples=["2026-12-31"])
    risks: str = ""
    people_count: int | None = Field(None, ge=0, examples=[6])
    budget: Decimal | None = Field(
        None, ge=0, max_digits=14, decimal_places=2, examples=["200000.00"]
    )
    equipment: str = ""
    suggested: list[SuggestedIn] = Field(default_factory=list)
    key_dates: list[KeyDateIn] = Field(default_factory=list)
    phenomenon: str = Field("", description="Problem kind: 现象.")
    root_cause: str = Field("", description="Problem kind: 本质.")
    impact: str = Field("", description="Problem kind: quantified impact.")
    attributed_department_ids: list[int] = Field(default_factory=list, description="Problem kind.")
    core_problems: list[CoreProblemIn] = Field(
        default_factory=list, description="Coordination kind."
    )
    prior_communication: str = Field("", description="Coordination kind: 前期沟通情况.")


class RequestIn(RequestFields):
    kind: Kind = Field(..., examples=["project"])
    name: str = Field(..., min_length=1, max_length=200, examples=["新品上市推广"])


class RequestPatch(RequestFields):
    """Only the fields sent change; lists sent replace the whole list."""


class CollaborationOut(Schema):
    id: int = Field(..., examples=[7])
    number: str | None = Field(None, examples=["XQ-2026-0001"])
    kind: str = Field(..., examples=["project"])
    name: str = Field(..., examples=["新品上市推广"])
    state: str = Field(..., examples=["in_review"], description="One of " + ", ".join(State.values))
    importance: str = Field(..., examples=["normal"])
    confidential: bool = False
    initiator: PersonRef | None
    department: DepartmentRef
    created_at: datetime
    submitted_at: datetime | None = None
    established_at: datetime | None = None

    @staticmethod
    def resolve_initiator(obj: Collaboration) -> dict[str, Any] | None:
        return _person_ref(obj.initiator)


class ParticipantOut(Schema):
    department: DepartmentRef
    contact: PersonRef | None
    is_lead: bool
    is_initiating: bool

    @staticmethod
    def resolve_contact(obj: Any) -> dict[str, Any] | None:
        return _person_ref(obj.contact)


class MemberOut(Schema):
    person: PersonRef | None
    role: str = Field(..., examples=["contact"])
    department_id: int | None = None

    @staticmethod
    def resolve_person(obj: Any) -> dict[str, Any] | None:
        return _person_ref(obj.user)


class AttachmentOut(Schema):
    id: int
    name: str = Field(..., examples=["预算明细.xlsx"])
    size: int = Field(..., examples=[20480])
    uploaded_at: datetime
    uploaded_by: PersonRef | None

    @staticmethod
    def resolve_uploaded_by(obj: Attachment) -> dict[str, Any] | None:
        return _person_ref(obj.uploaded_by)


class CollaborationDetail(CollaborationOut):
    request: dict[str, Any]
    departments: list[ParticipantOut]
    team: list[MemberOut]
    attachments: list[AttachmentOut]
    closed_reason: str = ""

    @staticmethod
    def resolve_request(obj: Collaboration) -> dict[str, Any]:
        data = input_from(obj)
        return {
            "contact_phone": data.contact_phone,
            "contact_email": data.contact_email,
            "background": data.background,
            "goals": data.goals,
            "start_on": data.start_on,
            "end_on": data.end_on,
            "risks": data.risks,
            "people_count": data.people_count,
            "budget": str(data.budget) if data.budget is not None else None,
            "equipment": data.equipment,
            "suggested": [
                {
                    "department_id": r.department.pk,
                    "people": [u.person.pk for u in r.people if hasattr(u, "person")],
                }
                for r in data.suggested
            ],
            "key_dates": [{"label": r.text, "date": r.on} for r in data.key_dates],
            "phenomenon": data.phenomenon,
            "root_cause": data.root_cause,
            "impact": data.impact,
            "attributed_department_ids": [d.pk for d in data.attributed_departments],
            "core_problems": [{"description": r.text, "due_on": r.on} for r in data.core_problems],
            "prior_communication": data.prior_communication,
        }

    @staticmethod
    def resolve_departments(obj: Collaboration) -> list[Any]:
        return list(obj.departments.all())

    @staticmethod
    def resolve_team(obj: Collaboration) -> list[Any]:
        return list(obj.team.all())

    @staticmethod
    def resolve_attachments(obj: Collaboration) -> list[Any]:
        return list(obj.attachments.all())


class ListFilters(Schema):
    state: State | None = None
    kind: Kind | None = None
    department: int | None = Field(None, description="Initiating or participating department id.")
    importance: Importance | None = None
    mine: bool = Field(False, description="Only those I started or am on the team of.")
    waiting: bool = Field(False, description="Only those waiting for my approval.")
    q: str = Field("", max_length=100, description="Name or number contains.")


class TerminateIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000, examples=["市场策略调整,项目取消"])


class ContactIn(Schema):
    person_id: int = Field(..., examples=[12], description="A person of that department.")


# --- Helpers -------------------------------------------------------------


def _get(request: HttpRequest, ref: str) -> Collaboration:
    return access.collaboration_for(user_of(request), ref)


def _detail(request: HttpRequest, collab: Collaboration) -> Collaboration:
    return selectors.detail_of(collab)


def _departments(ids: list[int], field: str) -> dict[int, Department]:
    found = {d.pk: d for d in Department.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError(_("No department has the id %(id)s.") % {"id": missing[0]}, field=field)
    return found


def _users(ids: list[int], field: str) -> dict[int, Any]:
    found = {p.pk: p.user for p in Person.objects.select_related("user").filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError(_("No person has the id %(id)s.") % {"id": missing[0]}, field=field)
    return found


def _input(payload: RequestFields, base: RequestInput) -> RequestInput:
    given = payload.model_fields_set
    values = {
        name: getattr(payload, name)
        for name in (
            "name",
            "confidential",
            "contact_phone",
            "contact_email",
            "background",
            "goals",
            "start_on",
            "end_on",
            "risks",
            "people_count",
            "budget",
            "equipment",
            "phenomenon",
            "root_cause",
            "impact",
            "prior_communication",
        )
        if name in given
    }
    for name, value in values.items():
        setattr(base, name, value)
    if "importance" in given:
        base.importance = str(payload.importance)
    if "suggested" in given:
        depts = _departments([s.department_id for s in payload.suggested], "suggested")
        people = _users([p for s in payload.suggested for p in s.people], "suggested")
        base.suggested = [
            SuggestedRow(depts[s.department_id], [people[p] for p in s.people])
            for s in payload.suggested
        ]
    if "key_dates" in given:
        base.key_dates = [DatedRow(k.label, k.date) for k in payload.key_dates]
    if "core_problems" in given:
        base.core_problems = [DatedRow(p.description, p.due_on) for p in payload.core_problems]
    if "attributed_department_ids" in given:
        depts = _departments(payload.attributed_department_ids, "attributed_department_ids")
        base.attributed_departments = [depts[i] for i in payload.attributed_department_ids]
    return base


# --- Endpoints -------------------------------------------------------------


@router.get("", response=list[CollaborationOut], summary="List the collaborations I may see")
@paginate(PageNumberPagination, page_size=20)
def list_collaborations(request: HttpRequest, filters: Query[ListFilters]) -> Any:
    return selectors.collaboration_list(
        user_of(request),
        selectors.Filters(
            state=filters.state or "",
            kind=filters.kind or "",
            department=filters.department,
            importance=filters.importance or "",
            mine=filters.mine,
            waiting=filters.waiting,
            q=filters.q,
        ),
    )


@router.post("", response={201: CollaborationDetail}, summary="Draft a request")
def create_request(request: HttpRequest, payload: RequestIn) -> Any:
    """Save a draft of the caller's department; it is numbered when first submitted."""
    base = RequestInput(kind=str(payload.kind), name=payload.name)
    collab = services.request_create(actor=user_of(request), data=_input(payload, base))
    return Status(201, _detail(request, collab))


@router.get(
    "/{ref}", response=CollaborationDetail, summary="One collaboration", description=REF_DOC
)
def get_collaboration(request: HttpRequest, ref: str) -> Any:
    return _detail(request, _get(request, ref))


@router.patch("/{ref}", response=CollaborationDetail, summary="Revise a draft or returned request")
def update_request(request: HttpRequest, ref: str, payload: RequestPatch) -> Any:
    collab = _get(request, ref)
    access.require(user_of(request), collab, "update")
    base = input_from(selectors.detail_of(collab))
    services.request_update(
        actor=user_of(request), collaboration=collab, data=_input(payload, base)
    )
    return _detail(request, collab)


@router.post("/{ref}/submit", response=CollaborationDetail, summary="Submit for approval")
def submit_request(request: HttpRequest, ref: str) -> Any:
    collab = services.request_submit(actor=user_of(request), collaboration=_get(request, ref))
    return _detail(request, collab)


@router.post("/{ref}/withdraw", response=CollaborationDetail, summary="Withdraw the request")
def withdraw_request(request: HttpRequest, ref: str) -> Any:
    collab = services.request_withdraw(actor=user_of(request), collaboration=_get(request, ref))
    return _detail(request, collab)


@router.post("/{ref}/terminate", response=CollaborationDetail, summary="Terminate (PMO, initiator)")
def terminate(request: HttpRequest, ref: str, payload: TerminateIn) -> Any:
    collab = services.collaboration_terminate(
        actor=user_of(request), collaboration=_get(request, ref), reason=payload.reason
    )
    return _detail(request, collab)


@router.put(
    "/{ref}/departments/{dept_id}/contact",
    response=CollaborationDetail,
    summary="Name a department's contact (对接人)",
)
def nominate_contact(request: HttpRequest, ref: str, dept_id: int, payload: ContactIn) -> Any:
    collab = _get(request, ref)
    access.require(user_of(request), collab, "nominate")
    department = _departments([dept_id], "dept_id")[dept_id]
    person = _users([payload.person_id], "person_id")[payload.person_id]
    services.contact_nominate(
        actor=user_of(request), collaboration=collab, department=department, person=person
    )
    return _detail(request, collab)


@router.get("/{ref}/attachments", response=list[AttachmentOut], summary="List attachments")
def list_attachments(request: HttpRequest, ref: str) -> Any:
    return _get(request, ref).attachments.select_related("uploaded_by__person")


@router.post("/{ref}/attachments", response={201: AttachmentOut}, summary="Upload an attachment")
def upload_attachment(request: HttpRequest, ref: str, file: File[UploadedFile]) -> Any:
    """Attach a file of at most 20 MB (multipart field `file`)."""
    attachment = services.attachment_add(
        actor=user_of(request), collaboration=_get(request, ref), file=file
    )
    return Status(201, attachment)


@router.get("/{ref}/attachments/{attachment_id}", summary="Download an attachment")
def download_attachment(request: HttpRequest, ref: str, attachment_id: int) -> FileResponse:
    attachment = _get(request, ref).attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise not_found()
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@router.delete("/{ref}/attachments/{attachment_id}", response={204: None}, summary="Remove one")
def remove_attachment(request: HttpRequest, ref: str, attachment_id: int) -> Any:
    attachment = _get(request, ref).attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise not_found()
    services.attachment_remove(actor=user_of(request), attachment=attachment)
    return Status(204, None)


@router.get("/{ref}/export.docx", summary="The request form as .docx (Chinese or English)")
def export_docx(request: HttpRequest, ref: str) -> HttpResponse:
    """Answer in the language of `Accept-Language` (zh-hans by default)."""
    return exports.docx_response(selectors.detail_of(_get(request, ref)))
