"""The approval engine over HTTP: what waits for me, a flow, and deciding it."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from concord.approvals import selectors, services
from concord.approvals.access import delegators_of, flow_for_view
from concord.approvals.models import Flow, Step, StepDecision
from concord.lib.errors import DomainError

router = Router()


def _name(user: Any) -> str:
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()


class PersonOut(Schema):
    id: int = Field(..., examples=[7])
    name: str = Field(..., examples=["马经理"])


class DecisionOut(Schema):
    approver: PersonOut
    decided_by: PersonOut = Field(
        ..., description="Differs from the approver when a deputy decided (「张三 代 李四 审批」)."
    )
    on_behalf: bool = Field(..., examples=[False])
    decision: str = Field(..., examples=["approve"], description="approve, return or reject")
    comment: str = Field(..., examples=["同意。"])
    decided_at: datetime


class StepOut(Schema):
    position: int = Field(..., examples=[1])
    label: str = Field(..., examples=["Department head"], description="In the request's language.")
    mode: str = Field(..., examples=["any"], description="all (会签) or any (或签)")
    state: str = Field(..., examples=["active"])
    activated_at: datetime | None = None
    finished_at: datetime | None = None
    approvers: list[PersonOut]
    decisions: list[DecisionOut]


class FlowOut(Schema):
    id: int = Field(..., examples=[12])
    subject: str = Field(..., examples=["XQ-2026-0001 新品上市推广"])
    subject_type: str = Field(..., examples=["collaborations.request"])
    subject_id: int = Field(..., examples=[3])
    purpose: str = Field(..., examples=["collaboration.request"])
    round: int = Field(..., examples=[1])
    state: str = Field(..., examples=["pending"])
    started_by: PersonOut
    started_at: datetime
    finished_at: datetime | None = None
    steps: list[StepOut]


class WaitingOut(Schema):
    flow_id: int = Field(..., examples=[12])
    subject: str = Field(..., examples=["XQ-2026-0001 新品上市推广"])
    purpose: str = Field(..., examples=["collaboration.request"])
    round: int = Field(..., examples=[1])
    step: int = Field(..., examples=[1])
    step_label: str = Field(..., examples=["Department head"])
    started_by: PersonOut
    started_at: datetime
    waiting_since: datetime | None = None
    on_behalf_of: list[PersonOut] = Field(
        ..., description="Whose approvals you hold as deputy for this step; empty if your own."
    )


class ErrorOut(Schema):
    code: str = Field(..., examples=["invalid"])
    message: str = Field(..., examples=["Give feedback: say what must change or why."])
    details: dict[str, list[str]] = Field(..., examples=[{"comment": ["Give feedback: …"]}])


class DecideIn(Schema):
    decision: str = Field(..., examples=["return"], description="approve, return or reject")
    comment: str = Field(
        "", examples=["请补充预算明细。"], description="Required to return or reject."
    )


def _person(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "name": _name(user)}


def _decision(d: StepDecision) -> dict[str, Any]:
    return {
        "approver": _person(d.approver),
        "decided_by": _person(d.decided_by),
        "on_behalf": d.on_behalf,
        "decision": d.decision,
        "comment": d.comment,
        "decided_at": d.decided_at,
    }


def _step(step: Step) -> dict[str, Any]:
    from django.utils.translation import gettext

    return {
        "position": step.position,
        "label": gettext(step.label),
        "mode": step.mode,
        "state": step.state,
        "activated_at": step.activated_at,
        "finished_at": step.finished_at,
        "approvers": [_person(a.user) for a in step.approvers.all()],
        "decisions": [_decision(d) for d in step.decisions.all()],
    }


def flow_out(flow: Flow) -> dict[str, Any]:
    flow = selectors.flow_detail(flow)
    return {
        "id": flow.pk,
        "subject": flow.subject_repr,
        "subject_type": f"{flow.subject_type.app_label}.{flow.subject_type.model}",
        "subject_id": flow.subject_id,
        "purpose": flow.purpose,
        "round": flow.round,
        "state": flow.state,
        "started_by": _person(flow.started_by),
        "started_at": flow.started_at,
        "finished_at": flow.finished_at,
        "steps": [_step(s) for s in flow.steps.all()],
    }


@router.get("/waiting", response=list[WaitingOut], summary="List the steps waiting for my decision")
def approvals_waiting(request: HttpRequest) -> list[dict[str, Any]]:
    from django.utils.translation import gettext

    delegators = delegators_of(request.user, timezone.localdate())
    result = []
    for step in selectors.waiting_for(request.user)[:500]:
        designated = [a.user for a in step.approvers.all()]
        mine = any(u.pk == request.user.pk for u in designated)
        result.append(
            {
                "flow_id": step.flow_id,
                "subject": step.flow.subject_repr,
                "purpose": step.flow.purpose,
                "round": step.flow.round,
                "step": step.position,
                "step_label": gettext(step.label),
                "started_by": _person(step.flow.started_by),
                "started_at": step.flow.started_at,
                "waiting_since": step.activated_at,
                "on_behalf_of": []
                if mine
                else [_person(u) for u in designated if u.pk in delegators],
            }
        )
    return result


@router.get(
    "/flows/{int:flow_id}",
    response=FlowOut,
    summary="Show an approval flow (its starter, approvers and the PMO only)",
)
def approvals_flow(request: HttpRequest, flow_id: int) -> dict[str, Any]:
    return flow_out(flow_for_view(request.user, flow_id))


@router.post(
    "/flows/{int:flow_id}/decide",
    response={200: FlowOut, 422: ErrorOut},
    summary="Approve, return or reject the flow's active step",
    description="403 when the step is not yours, 409 when someone decided first or the flow"
    " has ended, 422 when feedback is missing for a return or rejection.",
)
def approvals_decide(
    request: HttpRequest, flow_id: int, payload: DecideIn
) -> Status[dict[str, Any]]:
    flow = flow_for_view(request.user, flow_id)
    try:
        flow = services.flow_decide(
            actor=request.user, flow=flow, decision=payload.decision, comment=payload.comment
        )
    except DomainError as exc:
        if exc.code != "invalid":
            raise
        # A well-formed request with a field the rules refuse: 422, like
        # ninja's own field errors.
        return Status(422, exc.as_dict())
    return Status(200, flow_out(flow))
