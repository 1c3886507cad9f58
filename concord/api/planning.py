"""Plans over the API: versions, rows, the RACI matrix, sign-off and comparison.

A plan is named by its collaboration's number (`XQ-2026-0001`). Changes go
to the one draft; `POST /plans/{ref}/draft` starts it (from the request, or
as a copy of the version in force). People are referred to by their person
id, departments by their id. Reading needs only to see the collaboration;
changing needs the lead, the initiator while no lead is named, or the PMO.
"""

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from concord.api.common import user_of
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError, not_found
from concord.orgs.models import Person
from concord.planning import access, diff, exports, selectors, services
from concord.planning.models import PlanVersion
from concord.planning.pages import raci_grid
from concord.planning.validation import smart_problems, submit_problems

router = Router()

Section = Literal["goals", "resources", "milestones", "wbs", "deliverables"]


# --- Schemas -------------------------------------------------------------


class CharterIn(Schema):
    """Only the fields sent change."""

    summary: str = Field("", examples=["工期延长一周"])
    scope_in: str = Field("", examples=["新品推广活动策划与执行"])
    scope_out: str = Field("", examples=["渠道返利政策"])
    starts_on: dt.date | None = Field(None, examples=["2026-08-01"])
    ends_on: dt.date | None = Field(None, examples=["2026-12-31"])
    budget: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    root_cause: str = Field("", description="Problem kind: the agreed root cause.")
    outcome: str = Field("", description="Coordination kind: the agreed outcome.")


class RowIn(Schema):
    """The fields of any section's row; send those the section has (only those sent change)."""

    text: str | None = Field(None, description="goals", examples=["首月销量 1 万台"])
    measure: str | None = Field(None, description="goals", examples=["销量报表"])
    target_on: dt.date | None = Field(None, description="goals", examples=["2026-10-01"])
    name: str | None = Field(None, description="resources, milestones, deliverables")
    department_id: int | None = Field(None, description="resources")
    amount: str | None = Field(None, description="resources", examples=["2 人"])
    period: str | None = Field(None, description="resources", examples=["8月–9月"])
    due_on: dt.date | None = Field(None, description="milestones")
    deliverable: str | None = Field(None, description="milestones, wbs")
    parent_id: int | None = Field(None, description="wbs: the task this one sits under")
    title: str | None = Field(None, description="wbs", examples=["接口开发"])
    owner_department_id: int | None = Field(None, description="wbs, deliverables")
    owner_person_id: int | None = Field(None, description="wbs: the owner's person id")
    duration_days: int | None = Field(None, ge=0, description="wbs: working days")
    starts_on: dt.date | None = Field(None, description="wbs")
    ends_on: dt.date | None = Field(None, description="wbs")
    duty: str | None = Field(None, description="wbs, deliverables: measurable duty")
    standard: str | None = Field(None, description="wbs, deliverables: 交付标准")


class RaciIn(Schema):
    row: Literal["wbs", "deliverable"] = Field(..., examples=["wbs"])
    row_id: int = Field(..., examples=[12])
    letter: Literal["", "R", "A", "C", "I"] = Field(..., examples=["A"], description="'' clears")
    department_id: int | None = Field(None, examples=[3])
    person_id: int | None = Field(None, description="A person instead of a department.")


class VersionBrief(Schema):
    number: int = Field(..., examples=[1])
    state: str = Field(..., examples=["effective"])
    summary: str = ""
    created_at: dt.datetime
    effective_at: dt.datetime | None = None


class PlanOut(Schema):
    effective: VersionBrief | None
    draft: VersionBrief | None = Field(None, description="The version being worked on.")
    versions: list[VersionBrief]


class VersionOut(VersionBrief):
    scope_in: str
    scope_out: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    budget: Decimal | None
    root_cause: str
    outcome: str
    declined_reasons: str
    goals: list[dict[str, Any]]
    resources: list[dict[str, Any]]
    milestones: list[dict[str, Any]]
    wbs: list[dict[str, Any]] = Field(..., description="Tree order, each with its code (1.2.3).")
    deliverables: list[dict[str, Any]]
    raci: list[dict[str, Any]] = Field(
        ..., description="One entry per task/deliverable: letters per party and rule violations."
    )
    smart_check: list[str]
    problems: dict[str, list[str]] = Field(..., description="What keeps it from sign-off.")


class FieldChangeOut(Schema):
    name: str
    label: str
    old: str
    new: str


class SectionDiffOut(Schema):
    name: str
    added: list[str]
    removed: list[str]
    changed: list[dict[str, Any]]


class CompareOut(Schema):
    old: int
    new: int
    charter: list[FieldChangeOut]
    sections: list[SectionDiffOut]
    raci: list[dict[str, str]]


# --- Helpers -------------------------------------------------------------


def _get(request: HttpRequest, ref: str) -> Collaboration:
    return access.plan_collaboration_for(user_of(request), ref)


def _brief(version: PlanVersion | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {
        "number": version.number,
        "state": version.state,
        "summary": version.summary,
        "created_at": version.created_at,
        "effective_at": version.effective_at,
    }


def _person_id(user: Any) -> int | None:
    person = getattr(user, "person", None) if user is not None else None
    return person.pk if person is not None else None


def _version_out(collab: Collaboration, version: PlanVersion) -> dict[str, Any]:
    version = selectors.version_detail(version)
    departments = [pd.department for pd in collab.departments.select_related("department")]
    grid = raci_grid(version, departments)
    return {
        **(_brief(version) or {}),
        **{
            name: getattr(version, name)
            for name in (
                "scope_in",
                "scope_out",
                "starts_on",
                "ends_on",
                "budget",
                "root_cause",
                "outcome",
                "declined_reasons",
            )
        },
        "goals": [
            {"id": g.pk, "text": g.text, "measure": g.measure, "target_on": g.target_on}
            for g in version.goals.all()
        ],
        "resources": [
            {
                "id": r.pk,
                "name": r.name,
                "department_id": r.department_id,
                "amount": r.amount,
                "period": r.period,
            }
            for r in version.resources.all()
        ],
        "milestones": [
            {"id": m.pk, "name": m.name, "due_on": m.due_on, "deliverable": m.deliverable}
            for m in version.milestones.all()
        ],
        "wbs": [
            {
                "id": t.item.pk,
                "code": t.code,
                "parent_id": t.item.parent_id,
                "title": t.item.title,
                "owner_department_id": t.item.owner_department_id,
                "owner_person_id": _person_id(t.item.owner),
                "duration_days": t.item.duration_days,
                "starts_on": t.item.starts_on,
                "ends_on": t.item.ends_on,
                "deliverable": t.item.deliverable,
                "duty": t.item.duty,
                "standard": t.item.standard,
            }
            for t in selectors.wbs_tree(version)
        ],
        "deliverables": [
            {
                "id": d.pk,
                "name": d.name,
                "owner_department_id": d.owner_department_id,
                "standard": d.standard,
                "duty": d.duty,
            }
            for d in version.deliverables.all()
        ],
        "raci": [
            {
                "row": row.kind,
                "row_id": row.item.pk,
                "label": row.label,
                "departments": {str(dept): letter for dept, letter, _next in row.cells if letter},
                "people": row.others,
                "problems": row.problems,
            }
            for row in grid
        ],
        "smart_check": smart_problems(version),
        "problems": submit_problems(version, collab.kind),
    }


def _draft_out(collab: Collaboration) -> dict[str, Any]:
    version = selectors.current_draft(collab)
    assert version is not None
    return _version_out(collab, version)


def _user_of_person(person_id: int | None, field: str) -> int | None:
    if person_id is None:
        return None
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        raise DomainError(_("No person has the id %(id)s.") % {"id": person_id}, field=field)
    return int(person.user_id)


_RENAMES = {
    "department_id": "department",
    "owner_department_id": "owner_department",
    "parent_id": "parent",
}


def _row_data(payload: RowIn) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in payload.model_fields_set:
        value = getattr(payload, name)
        if name == "owner_person_id":
            data["owner"] = _user_of_person(value, name)
        else:
            data[_RENAMES.get(name, name)] = value
    return data


# --- Endpoints -----------------------------------------------------------


@router.get("/{ref}", response=PlanOut, summary="The plan: the version in force, the draft, all")
def get_plan(request: HttpRequest, ref: str) -> Any:
    collab = _get(request, ref)
    return {
        "effective": _brief(selectors.effective_plan(collab)),
        "draft": _brief(selectors.current_draft(collab)),
        "versions": [_brief(v) for v in selectors.versions_of(collab)],
    }


@router.get("/{ref}/versions/{number}", response=VersionOut, summary="One version, every row")
def get_version(request: HttpRequest, ref: str, number: int) -> Any:
    collab = _get(request, ref)
    version = selectors.version_numbered(collab, number)
    if version is None:
        raise not_found()
    return _version_out(collab, version)


@router.get("/{ref}/versions/{number}/raci.xlsx", summary="《部门协作职责分工表》 as .xlsx")
def export_raci(request: HttpRequest, ref: str, number: int) -> HttpResponse:
    collab = _get(request, ref)
    version = selectors.version_numbered(collab, number)
    if version is None:
        raise not_found()
    return exports.raci_response(collab, selectors.version_detail(version))


@router.post(
    "/{ref}/draft",
    response={201: VersionOut},
    summary="Start the next version (from the request, or a copy of the version in force)",
)
def start_draft(request: HttpRequest, ref: str) -> Any:
    collab = _get(request, ref)
    version = services.plan_draft(actor=user_of(request), collaboration=collab)
    return Status(201, _version_out(collab, version))


@router.get("/{ref}/draft", response=VersionOut, summary="The version being worked on")
def get_draft(request: HttpRequest, ref: str) -> Any:
    collab = _get(request, ref)
    if selectors.current_draft(collab) is None:
        raise not_found()
    return _draft_out(collab)


@router.patch("/{ref}/draft", response=VersionOut, summary="Change the draft's charter fields")
def update_draft(request: HttpRequest, ref: str, payload: CharterIn) -> Any:
    collab = _get(request, ref)
    data = {name: getattr(payload, name) for name in payload.model_fields_set}
    services.plan_update(actor=user_of(request), collaboration=collab, data=data)
    return _draft_out(collab)


@router.post("/{ref}/draft/{section}", response={201: VersionOut}, summary="Add a row to a section")
def add_row(request: HttpRequest, ref: str, section: Section, payload: RowIn) -> Any:
    collab = _get(request, ref)
    services.plan_item_save(
        actor=user_of(request), collaboration=collab, section=section, data=_row_data(payload)
    )
    return Status(201, _draft_out(collab))


@router.patch("/{ref}/draft/{section}/{item_id}", response=VersionOut, summary="Change a row")
def change_row(
    request: HttpRequest, ref: str, section: Section, item_id: int, payload: RowIn
) -> Any:
    collab = _get(request, ref)
    services.plan_item_save(
        actor=user_of(request),
        collaboration=collab,
        section=section,
        data=_row_data(payload),
        item_id=item_id,
    )
    return _draft_out(collab)


@router.delete("/{ref}/draft/{section}/{item_id}", response={204: None}, summary="Remove a row")
def delete_row(request: HttpRequest, ref: str, section: Section, item_id: int) -> Any:
    collab = _get(request, ref)
    services.plan_item_delete(
        actor=user_of(request), collaboration=collab, section=section, item_id=item_id
    )
    return Status(204, None)


@router.put("/{ref}/draft/raci", response=VersionOut, summary="Set one cell of the RACI matrix")
def set_raci(request: HttpRequest, ref: str, payload: RaciIn) -> Any:
    collab = _get(request, ref)
    services.raci_set(
        actor=user_of(request),
        collaboration=collab,
        row=payload.row,
        row_id=payload.row_id,
        letter=payload.letter,
        department_id=payload.department_id,
        person_id=_user_of_person(payload.person_id, "person_id"),
    )
    return _draft_out(collab)


@router.post(
    "/{ref}/draft/submit",
    response=VersionBrief,
    summary="Submit the draft for the department heads' sign-off (会签)",
    description="A coordination plan takes effect at once unless sign-off is configured.",
)
def submit(request: HttpRequest, ref: str) -> Any:
    collab = _get(request, ref)
    version = services.plan_submit_for_signoff(actor=user_of(request), collaboration=collab)
    return _brief(version)


@router.get("/{ref}/compare", response=CompareOut, summary="What changed between two versions")
def compare(request: HttpRequest, ref: str, a: int, b: int) -> Any:
    collab = _get(request, ref)
    old, new = selectors.version_numbered(collab, a), selectors.version_numbered(collab, b)
    if old is None or new is None:
        raise not_found()
    result = diff.compare(old, new)
    return {
        "old": old.number,
        "new": new.number,
        "charter": [vars(c) for c in result.charter],
        "sections": [
            {
                "name": s.name,
                "added": s.added,
                "removed": s.removed,
                "changed": [
                    {"title": r.title, "fields": [vars(f) for f in r.fields]} for r in s.changed
                ],
            }
            for s in result.sections
        ],
        "raci": [vars(c) for c in result.raci],
    }
