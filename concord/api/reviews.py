"""Milestone reviews (里程碑复盘), retrospectives and rule proposals over the API.

Reviews hang under a collaboration (`/collaborations/{ref}/reviews/{id}`);
retrospectives by kind (`project` | `communication`). A collaboration the
caller may not see answers 404 like a missing one. `/proposals` is the
PMO's list of every rule proposal.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from concord.api.common import user_of
from concord.closing.reviews import access, selectors, services
from concord.closing.reviews.models import (
    Cause,
    Deviation,
    Measure,
    MilestoneReview,
    PointKind,
    Proposal,
    ProposalState,
    RetroKind,
    Retrospective,
    ReviewState,
)
from concord.collaborations.access import collaboration_for
from concord.lib.errors import DomainError, not_found
from concord.planning.models import Milestone
from concord.planning.selectors import effective_plan

router = Router()


# --- Schemas -------------------------------------------------------------


class ReviewStartIn(Schema):
    milestone_id: int = Field(..., description="A milestone of the plan in effect.")


class ReviewIn(Schema):
    summary: str = Field("", max_length=10000, examples=["接口开发按期完成,测试延误两天"])
    budget_planned: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    budget_actual: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)


class DeviationIn(Schema):
    cause: Cause = Field(..., examples=["resource_shortage"])
    description: str = Field(..., max_length=10000, examples=["测试人员被抽调"])
    item: str = Field("", max_length=300, examples=["T-002 联调测试"])


class MeasureIn(Schema):
    text: str = Field(..., max_length=10000, examples=["下阶段需求变更需提前3天评估影响"])
    owner: str = Field(..., description="The owner's username.", examples=["leo"])
    due_on: date


class AdjustmentIn(Schema):
    title: str = Field(..., max_length=200, examples=["上线日期推迟一周"])
    what: str = Field(..., max_length=10000)
    why: str = Field(..., max_length=10000)
    effective_on: date
    impact_scope: str = Field("", max_length=10000)
    impact_time: str = Field("", max_length=10000)
    impact_budget: str = Field("", max_length=10000)
    budget_delta: Decimal | None = Field(None, max_digits=14, decimal_places=2)


class RetroIn(Schema):
    summary: str = Field("", max_length=10000)


class PointIn(Schema):
    kind: PointKind = Field(..., examples=["worked"])
    text: str = Field(..., max_length=10000, examples=["每日进度同步机制高效"])


class ProposalIn(Schema):
    text: str = Field(..., max_length=10000, examples=["跨部门流程修订时需增加法务部预审"])
    rationale: str = Field("", max_length=10000)


class DecideIn(Schema):
    adopt: bool
    note: str = Field("", max_length=10000)


class DeviationOut(Schema):
    id: int
    cause: Cause
    item: str
    description: str
    author: str


class MeasureOut(Schema):
    id: int
    text: str
    owner: str
    due_on: date
    task: str | None = Field(None, description="The task's number when it became a task.")
    state: str


class ComparisonRow(Schema):
    kind: str
    number: str
    title: str
    deliverable: str
    planned: str
    actual: str
    done: bool
    late_days: int


class ReviewOut(Schema):
    id: int
    collaboration: str
    milestone: str
    planned_on: date
    trigger: str
    state: ReviewState
    summary: str
    budget_planned: Decimal | None
    budget_actual: Decimal | None
    published_at: datetime | None
    comparison: list[ComparisonRow]
    deviations: list[DeviationOut]
    measures: list[MeasureOut]


class ReviewRow(Schema):
    id: int
    milestone: str
    planned_on: date
    trigger: str
    state: ReviewState


class PointOut(Schema):
    id: int
    kind: PointKind
    text: str
    author: str
    department: str | None


class ProposalOut(Schema):
    id: int
    collaboration: str
    text: str
    rationale: str
    proposed_by: str
    state: ProposalState
    decision_note: str
    decided_at: datetime | None


class RetroOut(Schema):
    id: int
    collaboration: str
    kind: RetroKind
    state: ReviewState
    summary: str
    published_at: datetime | None
    points: list[PointOut]
    measures: list[MeasureOut]
    proposals: list[ProposalOut]


# --- Helpers -------------------------------------------------------------


def _measure_out(m: Measure) -> dict[str, Any]:
    return {
        "id": m.pk,
        "text": m.text,
        "owner": m.owner.get_username(),
        "due_on": m.due_on,
        "task": m.task.number if m.task_id and m.task else None,
        "state": m.state,
    }


def _review_out(review: MilestoneReview) -> dict[str, Any]:
    collab = review.collaboration
    detail = selectors.review_detail(review)
    detail.collaboration = collab
    return {
        "id": detail.pk,
        "collaboration": collab.ref,
        "milestone": detail.milestone_name,
        "planned_on": detail.planned_on,
        "trigger": detail.trigger,
        "state": detail.state,
        "summary": detail.summary,
        "budget_planned": detail.budget_planned,
        "budget_actual": detail.budget_actual,
        "published_at": detail.published_at,
        "comparison": selectors.comparison_rows(detail),
        "deviations": [
            {
                "id": d.pk,
                "cause": d.cause,
                "item": d.item,
                "description": d.description,
                "author": d.author.get_username(),
            }
            for d in detail.deviations.all()
        ],
        "measures": [_measure_out(m) for m in detail.measures.all()],
    }


def _proposal_out(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.pk,
        "collaboration": p.collaboration.ref,
        "text": p.text,
        "rationale": p.rationale,
        "proposed_by": p.proposed_by.get_username(),
        "state": p.state,
        "decision_note": p.decision_note,
        "decided_at": p.decided_at,
    }


def _retro_out(retro: Retrospective) -> dict[str, Any]:
    collab = retro.collaboration
    detail = selectors.retro_detail(retro)
    for p in detail.proposals.all():
        p.collaboration = collab
    return {
        "id": detail.pk,
        "collaboration": collab.ref,
        "kind": detail.kind,
        "state": detail.state,
        "summary": detail.summary,
        "published_at": detail.published_at,
        "points": [
            {
                "id": p.pk,
                "kind": p.kind,
                "text": p.text,
                "author": p.author.get_username(),
                "department": p.department.name if p.department else None,
            }
            for p in detail.points.all()
        ],
        "measures": [_measure_out(m) for m in detail.measures.all()],
        "proposals": [_proposal_out(p) for p in detail.proposals.all()],
    }


def _owner(username: str) -> Any:
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(_("No active person has this user name."), field="owner")
    return user


def _retro(request: HttpRequest, ref: str, kind: str) -> Retrospective:
    _collab, retro = access.retro_for(user_of(request), ref, kind)
    if retro is None:
        raise not_found()
    return retro


# --- Milestone reviews ---------------------------------------------------


@router.get("/collaborations/{ref}/reviews", response=list[ReviewRow], summary="List reviews")
def list_reviews(request: HttpRequest, ref: str) -> Any:
    collab = collaboration_for(user_of(request), ref)
    return [
        {
            "id": r.pk,
            "milestone": r.milestone_name,
            "planned_on": r.planned_on,
            "trigger": r.trigger,
            "state": r.state,
        }
        for r in selectors.reviews_of(collab)
    ]


@router.post(
    "/collaborations/{ref}/reviews",
    response={201: ReviewOut},
    summary="Start the review of a milestone before it is found due",
)
def start_review(request: HttpRequest, ref: str, payload: ReviewStartIn) -> Any:
    collab = collaboration_for(user_of(request), ref)
    version = effective_plan(collab)
    milestone = (
        Milestone.objects.filter(version=version, pk=payload.milestone_id).first()
        if version
        else None
    )
    if milestone is None:
        raise DomainError(_("Choose a milestone of the plan in effect."), field="milestone_id")
    review = services.milestone_review_start(
        actor=user_of(request), collaboration=collab, milestone=milestone
    )
    return Status(201, _review_out(review))


@router.get("/collaborations/{ref}/reviews/{review_id}", response=ReviewOut, summary="Get a review")
def get_review(request: HttpRequest, ref: str, review_id: int) -> Any:
    return _review_out(access.review_for(user_of(request), ref, review_id))


@router.put(
    "/collaborations/{ref}/reviews/{review_id}",
    response=ReviewOut,
    summary="Write the summary of results and the budget",
)
def update_review(request: HttpRequest, ref: str, review_id: int, payload: ReviewIn) -> Any:
    review = access.review_for(user_of(request), ref, review_id)
    review = services.milestone_review_update(
        actor=user_of(request), review=review, **payload.dict()
    )
    return _review_out(review)


@router.post(
    "/collaborations/{ref}/reviews/{review_id}/deviations",
    response={201: ReviewOut},
    summary="Add a deviation (cause from the fixed list)",
)
def add_deviation(request: HttpRequest, ref: str, review_id: int, payload: DeviationIn) -> Any:
    review = access.review_for(user_of(request), ref, review_id)
    services.deviation_add(actor=user_of(request), review=review, **payload.dict())
    return Status(201, _review_out(review))


@router.delete(
    "/collaborations/{ref}/reviews/{review_id}/deviations/{deviation_id}",
    response=ReviewOut,
    summary="Remove a deviation (its author or a writer, before publication)",
)
def remove_deviation(request: HttpRequest, ref: str, review_id: int, deviation_id: int) -> Any:
    review = access.review_for(user_of(request), ref, review_id)
    deviation = Deviation.objects.filter(review=review, pk=deviation_id).first()
    if deviation is None:
        raise not_found()
    deviation.review = review
    services.deviation_remove(actor=user_of(request), deviation=deviation)
    return _review_out(review)


@router.post(
    "/collaborations/{ref}/reviews/{review_id}/measures",
    response={201: ReviewOut},
    summary="Add an improvement measure (becomes a task)",
)
def add_review_measure(request: HttpRequest, ref: str, review_id: int, payload: MeasureIn) -> Any:
    review = access.review_for(user_of(request), ref, review_id)
    services.measure_add(
        actor=user_of(request),
        parent=review,
        text=payload.text,
        owner=_owner(payload.owner),
        due_on=payload.due_on,
    )
    return Status(201, _review_out(review))


@router.post(
    "/collaborations/{ref}/reviews/{review_id}/adjustments",
    response={201: dict[str, Any]},
    summary="Open a plan adjustment: a change notice linked to the review",
)
def open_adjustment(request: HttpRequest, ref: str, review_id: int, payload: AdjustmentIn) -> Any:
    review = access.review_for(user_of(request), ref, review_id)
    notice = services.review_adjustment_open(
        actor=user_of(request), review=review, **payload.dict()
    )
    return Status(201, {"notice": notice.number, "state": notice.state})


@router.post(
    "/collaborations/{ref}/reviews/{review_id}/publish",
    response=ReviewOut,
    summary="Publish the review report (《复盘报告》)",
)
def publish_review(request: HttpRequest, ref: str, review_id: int) -> Any:
    review = access.review_for(user_of(request), ref, review_id)
    return _review_out(services.milestone_review_publish(actor=user_of(request), review=review))


# --- Retrospectives ------------------------------------------------------


@router.get(
    "/collaborations/{ref}/retrospectives/{kind}", response=RetroOut, summary="Get a retrospective"
)
def get_retro(request: HttpRequest, ref: str, kind: str) -> Any:
    return _retro_out(_retro(request, ref, kind))


@router.post(
    "/collaborations/{ref}/retrospectives/{kind}",
    response={201: RetroOut},
    summary="Start a retrospective (project or communication)",
)
def start_retro(request: HttpRequest, ref: str, kind: str, payload: RetroIn) -> Any:
    collab, _retro_obj = access.retro_for(user_of(request), ref, kind)
    retro = services.retrospective_start(
        actor=user_of(request), collaboration=collab, kind=kind, summary=payload.summary
    )
    return Status(201, _retro_out(retro))


@router.put(
    "/collaborations/{ref}/retrospectives/{kind}", response=RetroOut, summary="Edit the summary"
)
def update_retro(request: HttpRequest, ref: str, kind: str, payload: RetroIn) -> Any:
    retro = services.retrospective_update(
        actor=user_of(request), retro=_retro(request, ref, kind), summary=payload.summary
    )
    return _retro_out(retro)


@router.post(
    "/collaborations/{ref}/retrospectives/{kind}/points",
    response={201: RetroOut},
    summary="Add what worked or what to improve",
)
def add_point(request: HttpRequest, ref: str, kind: str, payload: PointIn) -> Any:
    retro = _retro(request, ref, kind)
    services.retro_point_add(
        actor=user_of(request), retro=retro, kind=payload.kind, text=payload.text
    )
    return Status(201, _retro_out(retro))


@router.post(
    "/collaborations/{ref}/retrospectives/{kind}/measures",
    response={201: RetroOut},
    summary="Add an improvement action (tracked on the retrospective)",
)
def add_retro_measure(request: HttpRequest, ref: str, kind: str, payload: MeasureIn) -> Any:
    retro = _retro(request, ref, kind)
    services.measure_add(
        actor=user_of(request),
        parent=retro,
        text=payload.text,
        owner=_owner(payload.owner),
        due_on=payload.due_on,
    )
    return Status(201, _retro_out(retro))


@router.post(
    "/collaborations/{ref}/retrospectives/{kind}/measures/{measure_id}/done",
    response=RetroOut,
    summary="Mark an improvement action done (its owner or a writer)",
)
def retro_measure_done(request: HttpRequest, ref: str, kind: str, measure_id: int) -> Any:
    retro = _retro(request, ref, kind)
    measure = Measure.objects.filter(retrospective=retro, pk=measure_id).first()
    if measure is None:
        raise not_found()
    measure.collaboration = retro.collaboration
    services.measure_done(actor=user_of(request), measure=measure)
    return _retro_out(retro)


@router.post(
    "/collaborations/{ref}/retrospectives/{kind}/proposals",
    response={201: RetroOut},
    summary="Propose a change to the collaboration rules",
)
def add_proposal(request: HttpRequest, ref: str, kind: str, payload: ProposalIn) -> Any:
    retro = _retro(request, ref, kind)
    services.proposal_make(actor=user_of(request), retro=retro, **payload.dict())
    return Status(201, _retro_out(retro))


@router.post(
    "/collaborations/{ref}/retrospectives/{kind}/publish",
    response=RetroOut,
    summary="Publish the retrospective",
)
def publish_retro(request: HttpRequest, ref: str, kind: str) -> Any:
    retro = services.retrospective_publish(actor=user_of(request), retro=_retro(request, ref, kind))
    return _retro_out(retro)


# --- Proposals (PMO) -----------------------------------------------------


@router.get("/proposals", response=list[ProposalOut], summary="Every rule proposal (PMO)")
def list_proposals(request: HttpRequest, state: str = "") -> Any:
    if not access.may_decide_proposals(user_of(request)):
        raise access.forbidden()
    return [_proposal_out(p) for p in selectors.proposals(state)[:500]]


@router.post(
    "/proposals/{proposal_id}/decide",
    response=ProposalOut,
    summary="Adopt or decline a proposal (PMO)",
)
def decide_proposal(request: HttpRequest, proposal_id: int, payload: DecideIn) -> Any:
    if not access.may_decide_proposals(user_of(request)):
        raise access.forbidden()
    proposal = Proposal.objects.select_related("collaboration").filter(pk=proposal_id).first()
    if proposal is None:
        raise not_found()
    proposal = services.proposal_decide(
        actor=user_of(request), proposal=proposal, adopt=payload.adopt, note=payload.note
    )
    proposal.collaboration = (
        Proposal.objects.select_related("collaboration").get(pk=proposal.pk).collaboration
    )
    return _proposal_out(proposal)
