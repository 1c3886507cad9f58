"""The communication plan over the API (《沟通计划表》), its escalation path and confirmations.

Paths under /collaborations/{ref}/communication. The escalation path is
also readable on its own (`/escalation-path`), handlers resolved, for tools
that escalate issues.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from concord.api.common import user_of
from concord.communication import exports, selectors, services
from concord.communication.inputs import ItemInput
from concord.communication.models import Channel, CommItem, LimitUnit, Size
from concord.lib.errors import DomainError, not_found

from .collaborations import DepartmentRef, PersonRef, _departments, _get, _person_ref, _users

router = Router()


class ItemIn(Schema):
    topic: str = Field(..., max_length=200, examples=["周进度同步"])
    channel: Channel = Field(..., examples=["meeting"])
    frequency: str = Field("", max_length=200, examples=["每周五15:00"])
    rrule: str = Field(
        "",
        max_length=500,
        examples=["FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0"],
        description="RFC 5545 RRULE for recurring meetings.",
    )
    owner_id: int | None = Field(None, examples=[12], description="Person id.")
    output: str = Field("", max_length=200, examples=["《会议纪要》"])
    notes: str = Field("", examples=["24小时内分发"])
    department_ids: list[int] = Field(default_factory=list, examples=[[3, 4]])
    person_ids: list[int] = Field(default_factory=list, examples=[[12]])


class ItemOut(Schema):
    id: int
    topic: str
    channel: str
    frequency: str
    rrule: str
    owner: PersonRef | None
    output: str
    notes: str
    departments: list[DepartmentRef]
    people: list[PersonRef]

    @staticmethod
    def resolve_owner(obj: CommItem) -> dict[str, Any] | None:
        return _person_ref(obj.owner)

    @staticmethod
    def resolve_departments(obj: CommItem) -> list[Any]:
        return list(obj.departments.all())

    @staticmethod
    def resolve_people(obj: CommItem) -> list[Any]:
        return [_person_ref(u) for u in obj.people.all()]


class LevelOut(Schema):
    level: int = Field(..., examples=[2])
    role: str = Field(..., examples=["lead"], description="parties | lead | sponsor")
    handler: PersonRef | None = Field(None, description="The named handler, if any.")
    handlers: list[PersonRef] = Field(..., description="Who handles it now, resolved.")
    limit_value: int = Field(..., examples=[48])
    limit_unit: str = Field(..., examples=["clock_hours"])

    @staticmethod
    def resolve_handler(obj: Any) -> dict[str, Any] | None:
        return _person_ref(obj.handler) if obj.handler_id else None

    @staticmethod
    def resolve_handlers(obj: Any) -> list[Any]:
        return [_person_ref(u) for u in obj.handlers]


class ConfirmationOut(Schema):
    department: DepartmentRef
    confirmed: bool = Field(..., description="Confirmed for the current version.")
    confirmed_by: PersonRef | None = None


class PlanOut(Schema):
    size: str = Field(..., examples=["medium"])
    size_override: str = Field("", examples=[""])
    revision: int = Field(..., examples=[3])
    all_confirmed: bool
    items: list[ItemOut]
    escalation_path: list[LevelOut]
    confirmations: list[ConfirmationOut]


class PlanIn(Schema):
    size: Size | None = Field(None, examples=["small"], description="Empty: derive it.")


class LevelIn(Schema):
    handler_id: int | None = Field(None, examples=[12], description="Person id; null: the role.")
    limit_value: int = Field(..., ge=1, le=999, examples=[24])
    limit_unit: LimitUnit = Field(..., examples=["clock_hours"])


class ConfirmIn(Schema):
    department_id: int = Field(..., examples=[3])


def _plan_out(collab: Any) -> dict[str, Any]:
    view = selectors.plan_view(collab)
    if view is None:
        raise DomainError(_("The communication plan has not been proposed yet."), code="not_found")
    return {
        "size": view.size,
        "size_override": view.plan.size,
        "revision": view.plan.revision,
        "all_confirmed": view.all_confirmed,
        "items": view.items,
        "escalation_path": view.levels,
        "confirmations": [
            {
                "department": c.row.department,
                "confirmed": c.current,
                "confirmed_by": (
                    _person_ref(c.confirmation.confirmed_by)
                    if c.current and c.confirmation
                    else None
                ),
            }
            for c in view.confirmations
        ],
    }


def _item_input(payload: ItemIn) -> ItemInput:
    depts = _departments(payload.department_ids, "department_ids")
    people = _users(payload.person_ids, "person_ids")
    owner = None
    if payload.owner_id is not None:
        owner = _users([payload.owner_id], "owner_id")[payload.owner_id]
    return ItemInput(
        topic=payload.topic,
        channel=str(payload.channel),
        frequency=payload.frequency,
        rrule=payload.rrule,
        owner=owner,
        output=payload.output,
        notes=payload.notes,
        departments=[depts[i] for i in payload.department_ids],
        people=[people[i] for i in payload.person_ids],
    )


def _item(collab: Any, item_id: int) -> CommItem:
    item = CommItem.objects.filter(pk=item_id, plan__collaboration=collab).first()
    if item is None:
        raise not_found()
    return item


@router.get("/{ref}/communication", response=PlanOut, summary="The communication plan")
def get_plan(request: HttpRequest, ref: str) -> Any:
    return _plan_out(_get(request, ref))


@router.post(
    "/{ref}/communication",
    response={201: PlanOut},
    summary="Propose the communication plan (default rows for size and kind)",
)
def create_plan(request: HttpRequest, ref: str, payload: PlanIn) -> Any:
    collab = _get(request, ref)
    size = str(payload.size) if payload.size else ""
    services.comm_plan_create(actor=user_of(request), collaboration=collab, size=size)
    return Status(201, _plan_out(collab))


@router.patch("/{ref}/communication", response=PlanOut, summary="Override the project size")
def resize_plan(request: HttpRequest, ref: str, payload: PlanIn) -> Any:
    collab = _get(request, ref)
    size = str(payload.size) if payload.size else ""
    services.comm_plan_resize(actor=user_of(request), collaboration=collab, size=size)
    return _plan_out(collab)


@router.post("/{ref}/communication/items", response={201: ItemOut}, summary="Add a row")
def add_item(request: HttpRequest, ref: str, payload: ItemIn) -> Any:
    collab = _get(request, ref)
    item = services.comm_item_add(
        actor=user_of(request), collaboration=collab, data=_item_input(payload)
    )
    return Status(201, item)


@router.put("/{ref}/communication/items/{item_id}", response=ItemOut, summary="Change a row")
def update_item(request: HttpRequest, ref: str, item_id: int, payload: ItemIn) -> Any:
    collab = _get(request, ref)
    return services.comm_item_update(
        actor=user_of(request), item=_item(collab, item_id), data=_item_input(payload)
    )


@router.delete("/{ref}/communication/items/{item_id}", response={204: None}, summary="Remove a row")
def remove_item(request: HttpRequest, ref: str, item_id: int) -> Any:
    collab = _get(request, ref)
    services.comm_item_remove(actor=user_of(request), item=_item(collab, item_id))
    return Status(204, None)


@router.put(
    "/{ref}/communication/levels/{level}",
    response=PlanOut,
    summary="Set an escalation level's handler and time limit",
)
def update_level(request: HttpRequest, ref: str, level: int, payload: LevelIn) -> Any:
    collab = _get(request, ref)
    handler = None
    if payload.handler_id is not None:
        handler = _users([payload.handler_id], "handler_id")[payload.handler_id]
    services.comm_level_update(
        actor=user_of(request),
        collaboration=collab,
        level=level,
        handler=handler,
        limit_value=payload.limit_value,
        limit_unit=str(payload.limit_unit),
    )
    return _plan_out(collab)


@router.post(
    "/{ref}/communication/confirmations",
    response=PlanOut,
    summary="Confirm the plan for a department (《沟通机制确认表》)",
)
def confirm_plan(request: HttpRequest, ref: str, payload: ConfirmIn) -> Any:
    collab = _get(request, ref)
    dept = _departments([payload.department_id], "department_id")[payload.department_id]
    services.comm_plan_confirm(actor=user_of(request), collaboration=collab, department=dept)
    return _plan_out(collab)


@router.get(
    "/{ref}/escalation-path",
    response=list[LevelOut],
    summary="Levels 1-3 with their handlers resolved and time limits",
)
def get_escalation_path(request: HttpRequest, ref: str) -> Any:
    return selectors.escalation_path(_get(request, ref))


@router.get("/{ref}/communication/export.xlsx", summary="The plan as .xlsx (模板一)")
def export_xlsx(request: HttpRequest, ref: str) -> HttpResponse:
    return exports.xlsx_response(_get(request, ref))


@router.get("/{ref}/communication/export.docx", summary="The plan as .docx")
def export_docx(request: HttpRequest, ref: str) -> HttpResponse:
    return exports.docx_response(_get(request, ref))
