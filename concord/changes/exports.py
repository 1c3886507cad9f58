"""The change notice as a formal document (.docx), named 「名称-日期-类型」."""

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from concord.collaborations.exports import DOCX
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, Field, FormDoc, Table, day_text, name_of, render, t
from concord.knowledge.naming import content_disposition, document_name

from .models import (
    Category,
    ChangeAcknowledgement,
    ChangeNotice,
    NoticeState,
    ResourceKind,
    ResourceRequest,
    ResourceState,
)

# The document speaks the reader's language, with the guides' Chinese terms.
LABELS = {
    "doc_type": ("变更通知", "Change notice"),
    "collaboration": ("协作事项", "Collaboration"),
    "number": ("编号", "Number"),
    "category": ("变更类型", "Category"),
    "title": ("标题", "Title"),
    "what": ("变更内容", "What changes"),
    "why": ("变更原因", "Reason"),
    "impact_scope": ("对范围的影响", "Impact on scope"),
    "impact_time": ("对进度的影响", "Impact on time"),
    "impact_budget": ("对预算的影响", "Impact on budget"),
    "budget_delta": ("预算变化(元)", "Budget change (CNY)"),
    "departments": ("涉及部门", "Departments affected"),
    "effective_on": ("生效日期", "Takes effect on"),
    "issued_by": ("发布人", "Issued by"),
    "issued_at": ("发布时间", "Issued at"),
    "acks": ("确认情况", "Acknowledgements"),
}
CATEGORIES = {
    Category.REQUIREMENT: ("需求变更", "Requirement change"),
    Category.PLAN: ("计划调整", "Plan adjustment"),
}


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def label(key: str) -> str:
    zh, en = LABELS[key]
    return en if _english() else zh


def _person(user: Any) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.name if person is not None else user.get_username()


def filename(notice: ChangeNotice) -> str:
    """Return e.g. 新品上市推广-2026-09-30-变更通知-BG-01.docx."""
    day = timezone.localtime(notice.issued_at).date() if notice.issued_at else timezone.localdate()
    return document_name(
        notice.collaboration.name, day, f"{label('doc_type')}-{notice.number}", "docx"
    )


def _rows(notice: ChangeNotice, acks: list[Any]) -> list[tuple[str, str]]:
    zh, en = CATEGORIES[Category(notice.category)]
    issued = timezone.localtime(notice.issued_at) if notice.issued_at else None
    done = sum(1 for a in acks if a.acknowledged_at is not None)
    return [
        (label("collaboration"), str(notice.collaboration)),
        (label("number"), notice.number),
        (label("category"), en if _english() else zh),
        (label("title"), notice.title),
        (label("what"), notice.what),
        (label("why"), notice.why),
        (label("impact_scope"), notice.impact_scope),
        (label("impact_time"), notice.impact_time),
        (label("impact_budget"), notice.impact_budget),
        (label("budget_delta"), "" if notice.budget_delta is None else f"{notice.budget_delta}"),
        (label("departments"), "、".join(d.name for d in notice.impact_departments.all())),
        (label("effective_on"), notice.effective_on.isoformat()),
        (label("issued_by"), _person(notice.issued_by)),
        (label("issued_at"), issued.strftime("%Y-%m-%d %H:%M") if issued else ""),
        (label("acks"), f"{done}/{len(acks)}"),
    ]


def _ack_table(acks: list[Any]) -> Table:
    return Table(
        columns=[
            t("确认人", "Acknowledged by"),
            t("部门", "Department"),
            t("确认时间", "Acknowledged at"),
            t("意见", "Comment"),
        ],
        rows=[
            [
                _person(a.user),
                getattr(getattr(getattr(a.user, "person", None), "department", None), "name", "")
                or "",
                day_text(a.acknowledged_at) or "—",
                a.comment,
            ]
            for a in acks
        ],
        title=label("acks"),
        widths=[2, 2, 2, 4],
    )


def notice_form(notice: ChangeNotice, acks: list[Any]) -> FormDoc:
    """One notice as a standard form (docx or PDF), named like `filename(notice)`."""
    day = timezone.localtime(notice.issued_at).date() if notice.issued_at else timezone.localdate()
    return FormDoc(
        title=f"{label('doc_type')} {notice.number}",
        doc_type=f"{label('doc_type')}-{notice.number}",
        name=notice.collaboration.name,
        day=day,
        fields=[Field(k, v or "") for k, v in _rows(notice, acks)],
        blocks=[Block(tables=[_ack_table(acks)])] if acks else [],
    )


def notice_docx(notice: ChangeNotice, acks: list[Any]) -> bytes:
    return render(notice_form(notice, acks), "docx")


def docx_response(notice: ChangeNotice, acks: list[Any]) -> HttpResponse:
    response = HttpResponse(notice_docx(notice, acks), content_type=DOCX)
    response["Content-Disposition"] = content_disposition(filename(notice))
    return response


def notices_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """《变更通知》: every issued notice of `collab`, one block each, with its acknowledgements."""
    notices = list(
        ChangeNotice.objects.filter(collaboration=collab, state=NoticeState.ISSUED)
        .select_related("collaboration", "issued_by__person")
        .prefetch_related("impact_departments")
        .order_by("issued_at", "id")
    )
    if not notices:
        return None
    acks: dict[int, list[ChangeAcknowledgement]] = {}
    for ack in (
        ChangeAcknowledgement.objects.filter(notice__in=notices)
        .select_related("user__person__department")
        .order_by("id")
    ):
        acks.setdefault(ack.notice_id, []).append(ack)
    blocks = []
    for notice in notices:
        mine = acks.get(notice.pk, [])
        blocks.append(
            Block(
                heading=f"{label('doc_type')} {notice.number} {notice.title}",
                fields=[Field(k, v or "") for k, v in _rows(notice, mine)[1:]],
                tables=[_ack_table(mine)] if mine else [],
            )
        )
    last = notices[-1].issued_at
    return FormDoc(
        title=label("doc_type"),
        doc_type=label("doc_type"),
        name=collab.name,
        day=timezone.localtime(last).date() if last else timezone.localdate(),
        fields=[
            Field(t("需求编号", "Request number"), collab.number or ""),
            Field(label("collaboration"), collab.name),
        ],
        blocks=blocks,
        signatures=[t("发布人", "Issued by"), t("项目负责人", "Project lead")],
    )


RESOURCE_KINDS = {
    ResourceKind.PEOPLE: ("人力", "People"),
    ResourceKind.BUDGET: ("预算", "Budget"),
    ResourceKind.EQUIPMENT: ("设备", "Equipment"),
}
RESOURCE_STATES = {
    ResourceState.DRAFT: ("草稿", "Draft"),
    ResourceState.IN_REVIEW: ("审批中", "In review"),
    ResourceState.APPROVED: ("已批准", "Approved"),
    ResourceState.RETURNED: ("退回修改", "Returned for revision"),
    ResourceState.REJECTED: ("已驳回", "Rejected"),
    ResourceState.WITHDRAWN: ("已撤回", "Withdrawn"),
}


def resources_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """《资源申请表》: every submitted resource request of `collab` (drafts left out)."""
    requests = list(
        ResourceRequest.objects.filter(collaboration=collab)
        .exclude(state=ResourceState.DRAFT)
        .select_related("requested_by__person__department")
        .order_by("number", "id")
    )
    if not requests:
        return None
    rows = []
    for r in requests:
        rows.append(
            [
                r.number,
                t(*RESOURCE_KINDS[ResourceKind(r.kind)]),
                r.description,
                "" if r.quantity is None else str(r.quantity),
                "" if r.amount is None else f"{r.amount:,.2f}",
                f"{day_text(r.period_from)} – {day_text(r.period_to)}",
                r.justification,
                name_of(r.requested_by),
                t(*RESOURCE_STATES[ResourceState(r.state)]),
                r.feedback,
            ]
        )
    return FormDoc(
        title=t("资源申请表", "Resource request form"),
        doc_type=t("资源申请表", "Resource requests"),
        name=collab.name,
        day=timezone.localdate(),
        fields=[
            Field(t("需求编号", "Request number"), collab.number or ""),
            Field(t("项目名称", "Project name"), collab.name),
        ],
        blocks=[
            Block(
                tables=[
                    Table(
                        columns=[
                            t("编号", "Number"),
                            t("资源类型", "Kind"),
                            t("资源说明", "Description"),
                            t("数量", "Quantity"),
                            t("金额(元)", "Amount (CNY)"),
                            t("使用期间", "Period"),
                            t("申请理由", "Justification"),
                            t("申请人", "Requested by"),
                            t("状态", "State"),
                            t("审核意见", "Feedback"),
                        ],
                        rows=rows,
                        title=t("资源申请", "Resource requests"),
                        widths=[1.2, 1.2, 3, 1, 1.5, 2.2, 3, 1.5, 1.3, 2.5],
                    )
                ]
            )
        ],
        signatures=[
            t("申请部门", "Requesting department"),
            t("发起部门审核", "Initiating department review"),
        ],
    )
