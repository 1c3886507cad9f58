"""The standard forms of reviews: 《复盘报告》, 《反馈与改进记录表》, 《沟通协调复盘报告》.

Built from live data with the knowledge forms framework (contract 1). The
forms' own wording follows the active language through `t(zh, en)`.
"""

from typing import Any

from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, Field, FormDoc, Table, register_form, t

from . import selectors
from .models import (
    Cause,
    MilestoneReview,
    PointKind,
    ProposalState,
    RetroKind,
    Retrospective,
    ReviewState,
)

CAUSES = {
    Cause.REQUIREMENT_CHANGE: ("需求变更", "Requirement change"),
    Cause.RESOURCE_SHORTAGE: ("资源不足", "Resource shortage"),
    Cause.PROCESS_GAP: ("流程缺陷", "Process gap"),
    Cause.DEPENDENCY: ("依赖延误", "Dependency delay"),
    Cause.OTHER: ("其他", "Other"),
}
PROPOSAL_STATES = {
    ProposalState.OPEN: ("待决定", "Open"),
    ProposalState.ADOPTED: ("已采纳", "Adopted"),
    ProposalState.DECLINED: ("未采纳", "Declined"),
}


def _name(user: Any) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or user.get_username()


def _money(value: Any) -> str:
    return "" if value is None else f"{value:,.2f}"


def _yes(done: bool) -> str:
    return t("是", "yes") if done else t("否", "no")


def review_blocks(review: MilestoneReview) -> list[Block]:
    """The report of one review: 计划与实际对比 – 成果总结 – 问题清单 – 改进措施."""
    rows = selectors.comparison_rows(review)
    compare = Table(
        columns=[
            t("事项", "Item"),
            t("交付物", "Deliverable"),
            t("计划日期", "Planned"),
            t("实际日期", "Actual"),
            t("已完成", "Done"),
            t("偏差(天)", "Late (days)"),
        ],
        rows=[
            [
                f"{r['number']} {r['title']}".strip(),
                r["deliverable"],
                r["planned"],
                r["actual"],
                _yes(r["done"]),
                str(r["late_days"]),
            ]
            for r in rows
        ],
        widths=[4, 3, 2, 2, 1, 1],
    )
    variance = review.budget_variance
    budget = Table(
        columns=[
            t("计划预算(元)", "Planned budget (CNY)"),
            t("实际支出(元)", "Actual (CNY)"),
            t("差异(元)", "Variance (CNY)"),
        ],
        rows=[[_money(review.budget_planned), _money(review.budget_actual), _money(variance)]],
    )
    issues = Table(
        columns=[t("序号", "No."), t("事项", "Item"), t("原因", "Cause"), t("说明", "Description")],
        rows=[
            [str(i), d.item, t(*CAUSES[Cause(d.cause)]), d.description]
            for i, d in enumerate(review.deviations.all(), start=1)
        ],
        widths=[1, 3, 2, 6],
    )
    measures = Table(
        columns=[
            t("序号", "No."),
            t("改进措施", "Measure"),
            t("负责人", "Owner"),
            t("完成时间", "Due"),
            t("任务", "Task"),
        ],
        rows=[
            [str(i), m.text, _name(m.owner), m.due_on.isoformat(), m.task.number if m.task else ""]
            for i, m in enumerate(review.measures.all(), start=1)
        ],
        widths=[1, 6, 2, 2, 1],
    )
    return [
        Block(
            heading=t("里程碑:", "Milestone: ") + review.milestone_name,
            fields=[
                Field(t("计划日期", "Planned date"), review.planned_on.isoformat()),
                Field(t("交付物", "Deliverable"), review.deliverable),
            ],
            tables=[compare, budget],
        ),
        Block(heading=t("一、成果总结", "1. Summary of results"), paragraphs=[review.summary]),
        Block(heading=t("二、问题清单", "2. Issues and deviations"), tables=[issues]),
        Block(heading=t("三、改进措施", "3. Improvement measures"), tables=[measures]),
    ]


def review_doc(review: MilestoneReview) -> FormDoc:
    collab = review.collaboration
    review = selectors.review_detail(review)
    review.collaboration = collab
    day = (
        timezone.localtime(review.published_at).date()
        if review.published_at
        else (timezone.localdate())
    )
    return FormDoc(
        title=t("复盘报告", "Review report"),
        doc_type=t("复盘报告", "Review report"),
        name=collab.name,
        day=day,
        fields=[
            Field(t("协作编号", "Collaboration"), collab.number or ""),
            Field(t("协作名称", "Name"), collab.name),
            Field(t("发布人", "Published by"), _name(review.published_by)),
        ],
        blocks=review_blocks(review),
        signatures=[t("项目负责人", "Project lead"), t("PMO", "PMO")],
        note=t("草稿", "Draft") if review.state != ReviewState.PUBLISHED else "",
    )


def milestone_report(collab: Collaboration, user: Any) -> FormDoc | None:
    """Every milestone review of the collaboration in one 《复盘报告》 (None when none)."""
    reviews = selectors.reviews_of(collab)
    if not reviews:
        return None
    blocks: list[Block] = []
    for review in reviews:
        review.collaboration = collab
        detail = selectors.review_detail(review)
        detail.collaboration = collab
        blocks += review_blocks(detail)
    return FormDoc(
        title=t("复盘报告", "Review report"),
        doc_type=t("复盘报告", "Review report"),
        name=collab.name,
        day=timezone.localdate(),
        fields=[
            Field(t("协作编号", "Collaboration"), collab.number or ""),
            Field(t("协作名称", "Name"), collab.name),
        ],
        blocks=blocks,
        signatures=[t("项目负责人", "Project lead"), t("PMO", "PMO")],
    )


def _retro(collab: Collaboration, kinds: tuple[str, ...]) -> Retrospective | None:
    found = selectors.retrospectives_of(collab)
    for kind in kinds:
        if kind in found:
            retro = selectors.retro_detail(found[kind])
            retro.collaboration = collab
            return retro
    return None


def _points(retro: Retrospective, kind: str) -> list[list[str]]:
    return [
        [str(i), p.text, p.department.name if p.department else "", _name(p.author)]
        for i, p in enumerate((p for p in retro.points.all() if p.kind == kind), start=1)
    ]


def _retro_blocks(retro: Retrospective) -> list[Block]:
    point_cols = [t("序号", "No."), t("内容", "Point"), t("部门", "Department"), t("提出人", "By")]
    return [
        Block(
            heading=t("有效做法", "What worked"),
            tables=[Table(point_cols, _points(retro, PointKind.WORKED), widths=[1, 7, 2, 2])],
        ),
        Block(
            heading=t("待改进点", "What to improve"),
            tables=[Table(point_cols, _points(retro, PointKind.IMPROVE), widths=[1, 7, 2, 2])],
        ),
        Block(
            heading=t("改进措施", "Improvement actions"),
            tables=[
                Table(
                    [
                        t("序号", "No."),
                        t("措施", "Action"),
                        t("负责人", "Owner"),
                        t("完成时间", "Due"),
                        t("状态", "State"),
                    ],
                    [
                        [
                            str(i),
                            m.text,
                            _name(m.owner),
                            m.due_on.isoformat(),
                            t("已完成", "Done") if m.state == "done" else t("进行中", "Open"),
                        ]
                        for i, m in enumerate(retro.measures.all(), start=1)
                    ],
                    widths=[1, 6, 2, 2, 1],
                )
            ],
        ),
        Block(
            heading=t("协作规范修订建议", "Proposals to change the collaboration rules"),
            tables=[
                Table(
                    [
                        t("序号", "No."),
                        t("建议", "Proposal"),
                        t("理由", "Why"),
                        t("提出人", "By"),
                        t("PMO 决定", "PMO decision"),
                    ],
                    [
                        [
                            str(i),
                            p.text,
                            p.rationale,
                            _name(p.proposed_by),
                            t(*PROPOSAL_STATES[ProposalState(p.state)])
                            + (f"({p.decision_note})" if p.decision_note else ""),
                        ]
                        for i, p in enumerate(retro.proposals.all(), start=1)
                    ],
                    widths=[1, 5, 4, 2, 2],
                )
            ],
        ),
    ]


def _retro_doc(collab: Collaboration, retro: Retrospective, title: tuple[str, str]) -> FormDoc:
    day = (
        timezone.localtime(retro.published_at).date()
        if retro.published_at
        else (timezone.localdate())
    )
    blocks = _retro_blocks(retro)
    if retro.summary:
        blocks.insert(0, Block(heading=t("总结", "Summary"), paragraphs=[retro.summary]))
    return FormDoc(
        title=t(*title),
        doc_type=t(*title),
        name=collab.name,
        day=day,
        fields=[
            Field(t("协作编号", "Collaboration"), collab.number or ""),
            Field(t("协作名称", "Name"), collab.name),
            Field(t("填写人", "Written by"), _name(retro.created_by)),
        ],
        blocks=blocks,
        signatures=[t("项目负责人", "Project lead"), t("PMO", "PMO")],
        note=t("草稿", "Draft") if retro.state != ReviewState.PUBLISHED else "",
    )


FEEDBACK_TITLE = ("反馈与改进记录表", "Feedback and improvement record")
RETRO_TITLE = ("沟通协调复盘报告", "Communication and coordination retrospective report")


def feedback_record(collab: Collaboration, user: Any) -> FormDoc | None:
    """《反馈与改进记录表》 from the project retrospective (or the communication one)."""
    retro = _retro(collab, (RetroKind.PROJECT, RetroKind.COMMUNICATION))
    return _retro_doc(collab, retro, FEEDBACK_TITLE) if retro else None


def retrospective_report(collab: Collaboration, user: Any) -> FormDoc | None:
    """《沟通协调复盘报告》 from the communication retrospective (or the project one)."""
    retro = _retro(collab, (RetroKind.COMMUNICATION, RetroKind.PROJECT))
    return _retro_doc(collab, retro, RETRO_TITLE) if retro else None


def register_forms() -> None:
    register_form(
        "reviews.milestone_report",
        label=("复盘报告", "Review report"),
        builder=milestone_report,
        archive_doc="review_report",
        order=80,
    )
    register_form(
        "reviews.feedback_record",
        label=FEEDBACK_TITLE,
        builder=feedback_record,
        formats=("docx", "pdf", "xlsx"),
        archive_doc="feedback",
        order=82,
    )
    register_form(
        "reviews.retrospective",
        label=RETRO_TITLE,
        builder=retrospective_report,
        archive_doc="retrospective",
        order=84,
    )
