"""Change notices (变更通知) and resource requests (《资源申请表》) over the API.

Everything hangs under a collaboration, named by its number
(`XQ-2026-0001`); notices by their number within it (`BG-01`), resource
requests likewise (`ZY-01`). A collaboration the caller may not see
answers 404 like a missing one. Approving a notice or a resource request
is done through the approvals API (`/approvals/{flow_id}/decide`); the
`flow_id` is given here.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from concord.api.common import name_of, user_of
from concord.approvals.selectors import current_flow
from concord.changes import access, exports, selectors, services
from concord.changes.models import (
    Category,
    ChangeNotice,
    NoticeState,
    ResourceKind,
    ResourceRequest,
    ResourceState,
)
from concord.collaborations.access import collaboration_for
from concord.lib.errors import DomainError
from concord.orgs.models import Department

router = Router()


# --- Schemas -------------------------------------------------------------


class NoticeIn(Schema):
    category: Category = Field(..., examples=["plan"])
    title: str = Field(..., max_length=200, examples=["上线日期推迟两周"])
    what: str = Field(..., max_length=10000, examples=["上线日期由9月1日调整为9月15日"])
    why: str = Field(..., max_length=10000, examples=["研发测试发现关键缺陷,需要修复"])
    impact_scope: str = Field("", max_length=10000, examples=["范围不变"])
    impact_time: str = Field("", max_length=10000, examples=["推迟两周"])
    impact_budget: str = Field("", max_length=10000, examples=["增加测试费用2万元"])
    impact_department_ids: list[int] = Field(default_factory=list, examples=[[3]])
    effective_on: date = Field(..., examples=["2026-10-12"])
    budget_delta: Decimal | None = Field(
        None, max_digits=14, decimal_places=2, examples=["20000.00"]
    )


class AckIn(Schema):
    comment: str = Field("", max_length=2000, examples=["已知悉,研发部将调整排期"])


class WithdrawIn(Schema):
    reason: str = Field("", max_length=2000, examples=["重复发布"])


class AckOut(Schema):
    username: str = Field(..., examples=["rita"])
    name: str = Field(..., examples=["任经理"])
    acknowledged_at: datetime | None = None
    comment: str = ""
    days_overdue: int = Field(0, description="Working days past the acknowledgement deadline.")


class NoticeOut(Schema):
    number: str = Field(..., examples=["BG-01"])
    collaboration: str = Field(..., examples=["XQ-2026-0001"])
    category: Category
    title: str
    what: str
    why: str
    impact_scope: str
    impact_time: str
    impact_budget: str
    impact_departments: list[str] = Field(..., examples=[["研发部"]])
    effective_on: date
    budget_delta: Decimal | None
    state: NoticeState
    created_by: str
    issued_by: str | None
    issued_at: datetime | None
    feedback: str
    flow_id: int | None = Field(None, description="The approval flow, when one was needed.")
    lead_time_short: bool = Field(
        ..., description="True when it takes effect sooner than the impact assessment lead time."
    )
    earliest_effective_on: date | None = None
    acknowledgements: list[AckOut] = Field(default_factory=list)


class NoticeRow(Schema):
    number: str = Field(..., examples=["BG-01"])
    category: Category
    title: str
    state: NoticeState
    effective_on: date
    acknowledged: int = Field(..., examples=[3])
    recipients: int = Field(..., examples=[5])


class ResourceIn(Schema):
    kind: ResourceKind = Field(..., examples=["budget"])
    description: str = Field(..., max_length=10000, examples=["测试设备租赁费用"])
    quantity: int | None = Field(None, ge=0, le=1_000_000, examples=[2])
    amount: Decimal | None = Field(
        None, ge=0, max_digits=14, decimal_places=2, examples=["80000.00"]
    )
    justification: str = Field(..., max_length=10000, examples=["新品性能测试需要额外设备"])
    period_from: date = Field(..., examples=["2026-09-01"])
    period_to: date = Field(..., examples=["2026-10-31"])
    submit: bool = Field(True, description="False keeps it as a draft.")


class ResourceOut(Schema):
    number: str = Field(..., examples=["ZY-01"])
    collaboration: str = Field(..., examples=["XQ-2026-0001"])
    kind: ResourceKind
    description: str
    quantity: int | None
    amount: Decimal | None
    justification: str
    period_from: date
    period_to: date
    requested_by: str
    state: ResourceState
    feedback: str
    flow_id: int | None = None


# --- Helpers -------------------------------------------------------------


def _departments(ids: list[int]) -> list[Department]:
    found = {d.pk: d for d in Department.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError(
            _("No department has the id %(id)s.") % {"id": missing[0]},
            field="impact_department_ids",
        )
    return [found[i] for i in ids]


def _notice_out(request: HttpRequest, notice: ChangeNotice) -> dict[str, Any]:
    user = user_of(request)
    flow = current_flow(notice, services.NOTICE_PURPOSE)
    earliest = selectors.lead_time_short(notice)
    overdue = (
        {p.user.pk: p.days_overdue for p in selectors.who_has_not(notice)}
        if access.may_issue(user, notice.collaboration)
        else {}
    )
    return {
        "number": notice.number,
        "collaboration": notice.collaboration.ref,
        "category": notice.category,
        "title": notice.title,
        "what": notice.what,
        "why": notice.why,
        "impact_scope": notice.impact_scope,
        "impact_time": notice.impact_time,
        "impact_budget": notice.impact_budget,
        "impact_departments": [d.name for d in notice.impact_departments.all()],
        "effective_on": notice.effective_on,
        "budget_delta": notice.budget_delta,
        "state": notice.state,
        "created_by": notice.created_by.get_username(),
        "issued_by": notice.issued_by.get_username() if notice.issued_by else None,
        "issued_at": notice.issued_at,
        "feedback": notice.feedback,
        "flow_id": flow.pk if flow else None,
        "lead_time_short": earliest is not None,
        "earliest_effective_on": earliest,
        "acknowledgements": [
            {
                "username": a.user.get_username(),
                "name": name_of(a.user),
                "acknowledged_at": a.acknowledged_at,
                "comment": a.comment,
                "days_overdue": overdue.get(a.user_id, 0),
            }
            for a in selectors.acknowledgements_of(notice)
        ],
    }


def _resource_out(req: ResourceRequest) -> dict[str, Any]:
    flow = current_flow(req, services.RESOURCE_PURPOSE)
    return {
        "number": req.number,
        "collaboration": req.collaboration.ref,
        "kind": req.kind,
        "description": req.description,
        "quantity": req.quantity,
        "amount": req.amount,
        "justification": req.justification,
        "period_from": req.period_from,
        "period_to": req.period_to,
        "requested_by": req.requested_by.get_username(),
        "state": req.state,
        "feedback": req.feedback,
        "flow_id": flow.pk if flow else None,
    }


def _notice_fields(payload: NoticeIn) -> dict[str, Any]:
    data = payload.dict(exclude={"impact_department_ids"})
    data["category"] = str(payload.category)
    data["impact_departments"] = _departments(payload.impact_department_ids)
    return data


def _resource_fields(payload: ResourceIn) -> dict[str, Any]:
    data = payload.dict()
    data["kind"] = str(payload.kind)
    return data


# --- Change notices ------------------------------------------------------


@router.get(
    "/{ref}/change-notices", response=list[NoticeRow], summary="List a collaboration's notices"
)
def list_notices(request: HttpRequest, ref: str) -> Any:
    collab = collaboration_for(user_of(request), ref)
    return [
        {
            "number": n.number,
            "category": n.category,
            "title": n.title,
            "state": n.state,
            "effective_on": n.effective_on,
            "acknowledged": n.ack_done,  # type: ignore[attr-defined]
            "recipients": n.ack_total,  # type: ignore[attr-defined]
        }
        for n in selectors.notices_of(collab)
    ]


@router.post(
    "/{ref}/change-notices",
    response={201: NoticeOut},
    summary="Issue a change notice (变更通知); approval first if a rule requires it",
)
def issue_notice(request: HttpRequest, ref: str, payload: NoticeIn) -> Any:
    collab = collaboration_for(user_of(request), ref)
    notice = services.change_notice_issue(
        actor=user_of(request), collaboration=collab, **_notice_fields(payload)
    )
    return Status(201, _notice_out(request, notice))


@router.get("/{ref}/change-notices/{number}", response=NoticeOut, summary="Get a change notice")
def get_notice(request: HttpRequest, ref: str, number: str) -> Any:
    return _notice_out(request, access.notice_for(user_of(request), ref, number))


@router.put(
    "/{ref}/change-notices/{number}",
    response=NoticeOut,
    summary="Revise a notice the approval sent back, and resubmit it",
)
def revise_notice(request: HttpRequest, ref: str, number: str, payload: NoticeIn) -> Any:
    notice = access.notice_for(user_of(request), ref, number)
    notice = services.change_notice_revise(
        actor=user_of(request), notice=notice, **_notice_fields(payload)
    )
    return _notice_out(request, notice)


@router.post(
    "/{ref}/change-notices/{number}/acknowledge",
    response=NoticeOut,
    summary="Acknowledge a change notice sent to me",
)
def acknowledge_notice(request: HttpRequest, ref: str, number: str, payload: AckIn) -> Any:
    notice = access.notice_for(user_of(request), ref, number)
    services.change_notice_acknowledge(
        actor=user_of(request), notice=notice, comment=payload.comment
    )
    return _notice_out(request, notice)


@router.post(
    "/{ref}/change-notices/{number}/withdraw", response=NoticeOut, summary="Withdraw a notice"
)
def withdraw_notice(request: HttpRequest, ref: str, number: str, payload: WithdrawIn) -> Any:
    notice = access.notice_for(user_of(request), ref, number)
    notice = services.change_notice_withdraw(
        actor=user_of(request), notice=notice, reason=payload.reason
    )
    return _notice_out(request, notice)


@router.get(
    "/{ref}/change-notices/{number}/export.docx",
    summary="Download the notice as .docx (名称-日期-类型)",
    response={200: None},
)
def export_notice(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    notice = access.notice_for(user_of(request), ref, number)
    return exports.docx_response(notice, selectors.acknowledgements_of(notice))


# --- Resource requests ---------------------------------------------------


@router.get(
    "/{ref}/resource-requests",
    response=list[ResourceOut],
    summary="List a collaboration's resource requests",
)
def list_resources(request: HttpRequest, ref: str, approved: bool = False) -> Any:
    collab = collaboration_for(user_of(request), ref)
    rows = selectors.approved_resources(collab) if approved else selectors.resources_of(collab)
    flows = _flow_ids([r.pk for r in rows])
    return [{**_resource_row(r), "flow_id": flows.get(r.pk)} for r in rows]


def _flow_ids(ids: list[int]) -> dict[int, int]:
    from django.contrib.contenttypes.models import ContentType

    from concord.approvals.models import Flow

    ct = ContentType.objects.get_for_model(ResourceRequest)
    found: dict[int, int] = {}
    for flow_id, subject_id in (
        Flow.objects.filter(subject_type=ct, subject_id__in=ids, purpose=services.RESOURCE_PURPOSE)
        .order_by("round")
        .values_list("pk", "subject_id")
    ):
        found[subject_id] = flow_id
    return found


def _resource_row(req: ResourceRequest) -> dict[str, Any]:
    return {
        "number": req.number,
        "collaboration": req.collaboration.ref,
        "kind": req.kind,
        "description": req.description,
        "quantity": req.quantity,
        "amount": req.amount,
        "justification": req.justification,
        "period_from": req.period_from,
        "period_to": req.period_to,
        "requested_by": req.requested_by.get_username(),
        "state": req.state,
        "feedback": req.feedback,
    }


@router.post(
    "/{ref}/resource-requests",
    response={201: ResourceOut},
    summary="Request people, budget or equipment (资源申请表)",
)
def create_resource(request: HttpRequest, ref: str, payload: ResourceIn) -> Any:
    collab = collaboration_for(user_of(request), ref)
    req = services.resource_request_create(
        actor=user_of(request), collaboration=collab, **_resource_fields(payload)
    )
    return Status(201, _resource_out(req))


@router.get(
    "/{ref}/resource-requests/{number}", response=ResourceOut, summary="Get a resource request"
)
def get_resource(request: HttpRequest, ref: str, number: str) -> Any:
    return _resource_out(access.resource_for(user_of(request), ref, number))


@router.put(
    "/{ref}/resource-requests/{number}",
    response=ResourceOut,
    summary="Revise a draft or returned request (and submit it)",
)
def update_resource(request: HttpRequest, ref: str, number: str, payload: ResourceIn) -> Any:
    req = access.resource_for(user_of(request), ref, number)
    req = services.resource_request_update(
        actor=user_of(request), request=req, **_resource_fields(payload)
    )
    return _resource_out(req)


@router.post(
    "/{ref}/resource-requests/{number}/withdraw",
    response=ResourceOut,
    summary="Withdraw a resource request",
)
def withdraw_resource(request: HttpRequest, ref: str, number: str) -> Any:
    req = access.resource_for(user_of(request), ref, number)
    return _resource_out(services.resource_request_withdraw(actor=user_of(request), request=req))
