"""《需求确认单》 (guide 004, the output of the requirement review): who confirmed the request.

The request's approval flow is Concord's requirement confirmation: each
round (a returned request is resubmitted as a new round), each step, each
approver's decision with its date and comment, and who is still to decide.
Registered as the standard form "collaborations.confirmation" in
`knowledge/standard.py`; None for a draft (nothing has been asked yet).
"""

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext

from concord.knowledge.forms import Block, Field, FormDoc, Table, day_text, name_of, t

from .models import Collaboration
from .outcomes import PURPOSE

FLOW_STATES = {
    "pending": ("确认中", "Being confirmed"),
    "approved": ("已确认", "Confirmed"),
    "returned": ("退回修改", "Returned for revision"),
    "rejected": ("不予确认", "Rejected"),
    "withdrawn": ("已撤回", "Withdrawn"),
}
DECISIONS = {
    "approve": ("同意", "Approved"),
    "return": ("退回", "Returned"),
    "reject": ("驳回", "Rejected"),
}


def _flows(collab: Collaboration) -> list[Any]:
    from concord.approvals.models import Step
    from concord.approvals.selectors import flows_of

    steps = Step.objects.order_by("position").prefetch_related(
        "approvers__user__person", "decisions__approver__person", "decisions__decided_by__person"
    )
    return list(
        flows_of(collab)
        .filter(purpose=PURPOSE)
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("round", "started_at", "id")
    )


def _rows(flow: Any) -> list[list[str]]:
    rows = []
    for step in flow.steps.all():
        label = gettext(step.label) if step.label else ""
        decided = {d.approver_id: d for d in step.decisions.all()}
        for approver in step.approvers.all():
            decision = decided.pop(approver.user_id, None)
            rows.append(_row(flow, label, approver.user, decision))
        rows += [_row(flow, label, d.approver, d) for d in decided.values()]
    return rows


def _row(flow: Any, step: str, who: Any, decision: Any) -> list[str]:
    if decision is None:
        result = t("待确认", "Pending") if flow.state == "pending" else ""
        return [str(flow.round), step, name_of(who), result, "", ""]
    by = name_of(who)
    if decision.decided_by_id and decision.decided_by_id != decision.approver_id:
        by = f"{by}({t('代', 'by')} {name_of(decision.decided_by)})"
    return [
        str(flow.round),
        step,
        by,
        t(*DECISIONS.get(decision.decision, (decision.decision, decision.decision))),
        day_text(decision.decided_at),
        decision.comment,
    ]


def confirmation_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """Return 《需求确认单》 of `collab`, or None while it has not been submitted."""
    flows = _flows(collab)
    if not flows:
        return None
    latest = flows[-1]
    request = getattr(collab, "request", None)
    fields = [
        Field(t("需求编号", "Request number"), collab.number or ""),
        Field(t("需求名称", "Request"), collab.name),
        Field(t("发起部门", "Initiating department"), str(collab.department.name)),
        Field(t("发起人", "Initiator"), name_of(collab.initiator)),
        Field(t("提交时间", "Submitted at"), day_text(collab.submitted_at)),
        Field(t("确认结论", "Outcome"), t(*FLOW_STATES.get(latest.state, ("", "")))),
    ]
    summary = [
        Field(t("需求背景与目的", "Background and purpose"), getattr(request, "background", "")),
        Field(t("目标与预期成果", "Goals and expected outcomes"), getattr(request, "goals", "")),
    ]
    record = Table(
        columns=[
            t("轮次", "Round"),
            t("环节", "Step"),
            t("确认人", "Confirmed by"),
            t("结果", "Decision"),
            t("时间", "Date"),
            t("意见", "Comment"),
        ],
        rows=[row for flow in flows for row in _rows(flow)],
        widths=[0.8, 2, 2, 1.2, 2, 4],
    )
    return FormDoc(
        title=t("需求确认单", "Requirement confirmation"),
        doc_type=t("需求确认单", "Requirement confirmation"),
        name=collab.name,
        day=timezone.localdate(),
        note=collab.number or "",
        fields=fields,
        blocks=[
            Block(heading=t("一、需求要点", "1. The request"), fields=summary),
            Block(heading=t("二、确认记录", "2. Confirmations"), tables=[record]),
        ],
        signatures=[t("需求方", "Requesting side"), t("确认方", "Confirming side")],
    )
