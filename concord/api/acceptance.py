"""Acceptance (成果验收) and effect verification (效果验证) over the API.

Everything hangs under a collaboration, named by its number. Deliverables
are named by their plan key (a UUID, stable across plan versions); an item
(a deliverable once submitted) by its id. Verdicts go through the approval
engine: `POST .../items/{id}/judge` wraps the engine's decision, so judging
through `/approvals/{flow_id}/decide` works too (a rework deadline then
defaults to five working days). People are named by username.
"""

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from concord.api.common import user_of
from concord.closing.acceptance import access, selectors, services
from concord.closing.acceptance.models import (
    Answer,
    Item,
    Mode,
    Outcome,
    Rating,
    Submission,
    Verdict,
    Verification,
)
from concord.collaborations.access import collaboration_for
from concord.lib.errors import DomainError, not_found
from concord.orgs.models import Department

router = Router(tags=["acceptance"])


def _username(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def _person(username: str | None, field: str) -> Any:
    if not username:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(_("No active person with this username."), field=field)
    return user


# --- Schemas -------------------------------------------------------------


class GroupIn(Schema):
    lead: str = Field(..., examples=["leo"])
    members: list[str] = Field(default_factory=list, examples=[["rita"]])
    mode: Mode = Field(..., examples=["lead"])
    judging_days: int = Field(3, ge=1, le=30)


class GroupOut(Schema):
    lead: str
    members: list[str]
    mode: str
    judging_days: int


class LineIn(Schema):
    answer: Answer = Field(..., examples=["met"])
    note: str = Field("", max_length=2000)


class SubmitIn(Schema):
    lines: list[LineIn] = Field(..., description="One answer per standard, in order.")
    note: str = Field("", max_length=5000)


class JudgeIn(Schema):
    verdict: Verdict = Field(..., examples=["rework"])
    note: str = Field("", max_length=5000, examples=["补充预算明细"])
    rework_due: date | None = Field(None, examples=["2026-07-08"])


class LineOut(Schema):
    position: int
    standard: str
    answer: str
    note: str


class RoundOut(Schema):
    round: int
    submitted_by: str
    submitted_at: datetime
    note: str
    judging_due: date
    verdict: str
    verdict_note: str
    rework_due: date | None
    judged_by: str | None
    judged_at: datetime | None
    lines: list[LineOut]
    files: list[str]


class ItemOut(Schema):
    id: int | None
    key: str
    name: str
    department_id: int | None
    state: str
    rounds: int
    rework_due: date | None
    in_plan: bool
    standards: list[str]


class ItemDetailOut(ItemOut):
    history: list[RoundOut]


class AcceptanceOut(Schema):
    group: GroupOut | None
    complete: bool
    items: list[ItemOut]


class FeedbackIn(Schema):
    department_id: int
    rating: Rating
    text: str = Field(..., max_length=5000)


class RedefineIn(Schema):
    phenomenon: str = Field(..., max_length=10000)
    impact: str = Field(..., max_length=10000)
    root_cause: str = Field(..., max_length=10000)


class DecideIn(Schema):
    outcome: Outcome
    observed: str = Field(..., max_length=10000)
    conclusion: str = Field("", max_length=10000)
    follow_up: str = Field("", max_length=5000)
    follow_up_owner: str | None = None
    follow_up_due: date | None = None


class FeedbackOut(Schema):
    department_id: int
    department: str
    rating: str
    text: str
    answered_by: str | None
    answered_at: datetime | None


class VerificationOut(Schema):
    round: int
    state: str
    phenomenon: str
    impact: str
    root_cause: str
    observed: str
    outcome: str
    conclusion: str
    follow_up: str
    follow_up_owner: str | None
    follow_up_due: date | None
    follow_up_task_id: int | None
    feedback: list[FeedbackOut]


# --- Helpers -------------------------------------------------------------


def _row_out(row: selectors.Row) -> dict[str, Any]:
    item = row.item
    return {
        "id": item.pk if item else None,
        "key": row.key,
        "name": row.name,
        "department_id": row.department.pk if row.department is not None else None,
        "state": row.state,
        "rounds": item.rounds if item else 0,
        "rework_due": item.rework_due if item else None,
        "in_plan": row.in_plan,
        "standards": services.standards_of(row.standard, row.name),
    }


def _round_out(sub: Submission) -> dict[str, Any]:
    return {
        "round": sub.round,
        "submitted_by": sub.submitted_by.get_username(),
        "submitted_at": sub.submitted_at,
        "note": sub.note,
        "judging_due": sub.judging_due,
        "verdict": sub.verdict,
        "verdict_note": sub.verdict_note,
        "rework_due": sub.rework_due,
        "judged_by": _username(sub.judged_by),
        "judged_at": sub.judged_at,
        "lines": [
            {"position": li.position, "standard": li.standard, "answer": li.answer, "note": li.note}
            for li in sub.lines.all()
        ],
        "files": [f.name for f in sub.files.all()],
    }


def _item_out(item: Item) -> dict[str, Any]:
    detail = selectors.item_detail(item)
    row = selectors.Row(
        str(detail.deliverable_key), detail.name, detail.owner_department, detail.standard, detail
    )
    return {**_row_out(row), "history": [_round_out(s) for s in detail.submissions.all()]}


def _verification_out(v: Verification) -> dict[str, Any]:
    return {
        "round": v.round,
        "state": v.state,
        "phenomenon": v.phenomenon,
        "impact": v.impact,
        "root_cause": v.root_cause,
        "observed": v.observed,
        "outcome": v.outcome,
        "conclusion": v.conclusion,
        "follow_up": v.follow_up,
        "follow_up_owner": _username(v.follow_up_owner),
        "follow_up_due": v.follow_up_due,
        "follow_up_task_id": v.follow_up_task_id,
        "feedback": [
            {
                "department_id": f.department_id,
                "department": str(f.department),
                "rating": f.rating,
                "text": f.text,
                "answered_by": _username(f.answered_by),
                "answered_at": f.answered_at,
            }
            for f in v.feedback.all()
        ],
    }


def _latest(request: HttpRequest, ref: str) -> tuple[Any, Verification]:
    collab, latest = access.verification_for(user_of(request), ref)
    if latest is None:
        raise DomainError(_("Effect verification has not started."), code="conflict")
    return collab, latest


# --- Acceptance ----------------------------------------------------------


@router.get(
    "/collaborations/{ref}/acceptance",
    response=AcceptanceOut,
    summary="The acceptance group and every deliverable's acceptance state",
)
def get_acceptance(request: HttpRequest, ref: str) -> Any:
    collab = collaboration_for(user_of(request), ref)
    group = selectors.group_of(collab)
    rows = selectors.rows_of(collab)
    return {
        "group": {
            "lead": group.lead.get_username(),
            "members": [m.user.get_username() for m in group.members.all()],
            "mode": group.mode,
            "judging_days": group.judging_days,
        }
        if group is not None
        else None,
        "complete": selectors.acceptance_complete(collab),
        "items": [_row_out(r) for r in rows],
    }


@router.put(
    "/collaborations/{ref}/acceptance/group",
    response=GroupOut,
    summary="Choose the acceptance group (initiating department head or initiator)",
)
def set_group(request: HttpRequest, ref: str, payload: GroupIn) -> Any:
    collab = collaboration_for(user_of(request), ref)
    group = services.acceptance_group_set(
        actor=user_of(request),
        collaboration=collab,
        lead=_person(payload.lead, "lead"),
        members=[_person(u, "members") for u in payload.members],
        mode=payload.mode,
        judging_days=payload.judging_days,
    )
    return {
        "lead": group.lead.get_username(),
        "members": [m.user.get_username() for m in group.members.all()],
        "mode": group.mode,
        "judging_days": group.judging_days,
    }


@router.post(
    "/collaborations/{ref}/acceptance/deliverables/{key}/submit",
    response={201: ItemDetailOut},
    summary="Submit (or resubmit after rework) a deliverable with its self-check list",
)
def submit(request: HttpRequest, ref: str, key: UUID, payload: SubmitIn) -> Any:
    collab = collaboration_for(user_of(request), ref)
    sub = services.acceptance_submit(
        actor=user_of(request),
        collaboration=collab,
        deliverable_key=key,
        answers=[services.CheckAnswer(li.answer, li.note) for li in payload.lines],
        note=payload.note,
    )
    return 201, _item_out(sub.item)


@router.get(
    "/collaborations/{ref}/acceptance/items/{item_id}",
    response=ItemDetailOut,
    summary="A deliverable under acceptance with every round",
)
def get_item(request: HttpRequest, ref: str, item_id: int) -> Any:
    return _item_out(access.item_for(user_of(request), ref, item_id))


@router.post(
    "/collaborations/{ref}/acceptance/items/{item_id}/judge",
    response=ItemDetailOut,
    summary="Judge the current round: pass, rework (with a deadline) or fail",
)
def judge(request: HttpRequest, ref: str, item_id: int, payload: JudgeIn) -> Any:
    item = access.item_for(user_of(request), ref, item_id)
    sub = Submission.objects.filter(item=item, round=item.rounds).first()
    if sub is None:
        raise not_found()
    services.acceptance_judge(
        actor=user_of(request),
        submission=sub,
        verdict=payload.verdict,
        note=payload.note,
        rework_due=payload.rework_due,
    )
    return _item_out(item)


# --- Effect verification -------------------------------------------------


@router.get(
    "/collaborations/{ref}/verification",
    response=list[VerificationOut],
    summary="Every round of effect verification, oldest first (problem collaborations)",
)
def get_verification(request: HttpRequest, ref: str) -> Any:
    collab, _latest = access.verification_for(user_of(request), ref)
    return [_verification_out(v) for v in selectors.verifications_of(collab)]


def _round(collab: Any, pk: int) -> dict[str, Any]:
    v = next(v for v in selectors.verifications_of(collab) if v.pk == pk)
    return _verification_out(v)


@router.post(
    "/collaborations/{ref}/verification/start",
    response={201: VerificationOut},
    summary="Start effect verification (lead, initiator or PMO)",
)
def start(request: HttpRequest, ref: str) -> Any:
    collab, _latest = access.verification_for(user_of(request), ref)
    v = services.verification_start(actor=user_of(request), collaboration=collab)
    return 201, _round(collab, v.pk)


@router.post(
    "/collaborations/{ref}/verification/redefine",
    response=VerificationOut,
    summary="Revise the problem definition of the open round (after unresolved)",
)
def redefine(request: HttpRequest, ref: str, payload: RedefineIn) -> Any:
    collab, latest = _latest(request, ref)
    v = services.verification_redefine(
        actor=user_of(request), verification=latest, **payload.dict()
    )
    return _round(collab, v.pk)


@router.post(
    "/collaborations/{ref}/verification/feedback",
    response=VerificationOut,
    summary="Give a participating department's feedback (its head or contact)",
)
def feedback(request: HttpRequest, ref: str, payload: FeedbackIn) -> Any:
    collab, latest = _latest(request, ref)
    dept = Department.objects.filter(pk=payload.department_id).first()
    if dept is None:
        raise DomainError(_("No such department."), code="not_found", field="department_id")
    services.verification_feedback(
        actor=user_of(request),
        verification=latest,
        department=dept,
        rating=payload.rating,
        text=payload.text,
    )
    return _round(collab, latest.pk)


@router.post(
    "/collaborations/{ref}/verification/decide",
    response=VerificationOut,
    summary="Conclude the round: resolved, partial (follow-up task) or unresolved (new round)",
)
def decide(request: HttpRequest, ref: str, payload: DecideIn) -> Any:
    collab, latest = _latest(request, ref)
    services.verification_decide(
        actor=user_of(request),
        verification=latest,
        outcome=payload.outcome,
        observed=payload.observed,
        conclusion=payload.conclusion,
        follow_up=payload.follow_up,
        follow_up_owner=_person(payload.follow_up_owner, "follow_up_owner"),
        follow_up_due=payload.follow_up_due,
    )
    return _round(collab, latest.pk)
