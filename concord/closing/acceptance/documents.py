"""The standard forms of acceptance: 《成果自检清单》, 《成果验收确认表》, 效果验证.

The registered builders are what the archive checklist asks for, so they
answer None until the document is final: the acceptance record once every
deliverable of the plan in force has passed, the verification once a round
concluded "resolved". The pages of this app download the same documents
at any time through `record_doc(..., final_only=False)` and friends.
"""

from typing import Any

from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.knowledge.forms import (
    Block,
    Field,
    FormDoc,
    Table,
    day_text,
    name_of,
    register_form,
    t,
)

from . import selectors
from .models import Answer, Item, ItemState, Outcome, Rating, Submission, Verdict

SELFCHECK = ("成果自检清单", "Deliverable self-check list")
RECORD = ("成果验收确认表", "Deliverable acceptance record")
VERIFICATION = ("效果验证报告", "Effect verification report")

_ANSWER = {Answer.MET: ("符合", "Met"), Answer.NOT_MET: ("不符合", "Not met")}
_VERDICT = {
    Verdict.PASS: ("通过", "Pass"),
    Verdict.REWORK: ("需补充完善", "Needs rework"),
    Verdict.FAIL: ("不通过", "Fail"),
}
_STATE = {
    ItemState.PENDING: ("未提交", "Not submitted"),
    ItemState.JUDGING: ("验收中", "Under judgement"),
    ItemState.REWORK: ("需补充完善", "Needs rework"),
    ItemState.PASSED: ("通过", "Passed"),
    ItemState.FAILED: ("不通过", "Failed"),
}
_OUTCOME = {
    Outcome.RESOLVED: ("已解决", "Resolved"),
    Outcome.PARTIAL: ("部分解决", "Partially resolved"),
    Outcome.UNRESOLVED: ("未解决", "Unresolved"),
}
_RATING = {
    Rating.EFFECTIVE: ("有效", "Effective"),
    Rating.PARTLY: ("部分有效", "Partly effective"),
    Rating.NOT_EFFECTIVE: ("无效", "Not effective"),
}


def _p(pair: tuple[str, str] | None) -> str:
    return t(*pair) if pair else ""


def _doc(
    collab: Collaboration,
    kind: tuple[str, str],
    fields: list[Field],
    blocks: list[Block],
    signatures: list[str],
) -> FormDoc:
    return FormDoc(
        title=t(*kind),
        doc_type=t(*kind),
        name=collab.name,
        day=timezone.localdate(),
        fields=[
            Field(t("协作编号", "Number"), collab.number or ""),
            Field(t("协作名称", "Collaboration"), collab.name),
            *fields,
        ],
        blocks=blocks,
        signatures=signatures,
    )


def _selfcheck_block(item: Item, sub: Submission) -> Block:
    return Block(
        heading=f"{item.name} · {t('第', 'round ')}{sub.round}{t('轮', '')}",
        fields=[
            Field(t("责任部门", "Responsible department"), str(item.owner_department or "")),
            Field(t("提交人", "Submitted by"), name_of(sub.submitted_by)),
            Field(t("提交时间", "Submitted at"), day_text(sub.submitted_at)),
            Field(t("说明", "Note"), sub.note),
        ],
        tables=[
            Table(
                columns=[
                    t("序号", "No."),
                    t("交付物标准", "Standard"),
                    t("自检结果", "Result"),
                    t("说明", "Note"),
                ],
                rows=[
                    [
                        str(line.position),
                        line.standard,
                        _p(_ANSWER.get(Answer(line.answer))),
                        line.note,
                    ]
                    for line in sub.lines.all()
                ],
                widths=[1, 6, 2, 4],
            )
        ],
    )


def selfcheck_doc(collab: Collaboration, submission: Submission | None = None) -> FormDoc | None:
    """One submission's self-check list, or the latest of every deliverable."""
    pairs: list[tuple[Item, Submission]] = []
    for item in selectors.items_for_record(collab):
        subs = list(item.submissions.all())
        if submission is not None:
            subs = [s for s in subs if s.pk == submission.pk]
        if subs:
            pairs.append((item, subs[-1]))
    if not pairs:
        return None
    return _doc(
        collab,
        SELFCHECK,
        [],
        [_selfcheck_block(item, sub) for item, sub in pairs],
        [t("责任部门负责人", "Head of the responsible department"), t("日期", "Date")],
    )


def record_doc(collab: Collaboration, *, final_only: bool = True) -> FormDoc | None:
    """Every round of every deliverable: who judged, the verdict, the note, the dates."""
    items = selectors.items_for_record(collab)
    if final_only and not selectors.acceptance_complete(collab):
        return None
    if not items:
        return None
    group = selectors.group_of(collab)
    rows = []
    for item in items:
        for sub in item.submissions.all():
            rows.append(
                [
                    item.name,
                    str(item.owner_department or ""),
                    str(sub.round),
                    day_text(sub.submitted_at),
                    name_of(sub.submitted_by),
                    _p(_VERDICT.get(Verdict(sub.verdict)))
                    if sub.verdict
                    else t("验收中", "Under judgement"),
                    sub.verdict_note,
                    day_text(sub.rework_due) if sub.verdict == Verdict.REWORK else "",
                    name_of(sub.judged_by),
                    day_text(sub.judged_at),
                ]
            )
    summary = [
        [item.name, _p(_STATE.get(ItemState(item.state))), str(item.rounds)] for item in items
    ]
    fields = []
    if group is not None:
        fields = [
            Field(t("验收组长", "Group lead"), name_of(group.lead)),
            Field(
                t("验收组成员", "Members"), "、".join(name_of(m.user) for m in group.members.all())
            ),
            Field(
                t("决策方式", "Decision mode"),
                t("会签(全员同意)", "All must agree")
                if group.mode == "all"
                else t("组长决定", "The lead decides"),
            ),
        ]
    blocks = [
        Block(
            heading=t("验收结论", "Results"),
            tables=[
                Table(
                    [t("交付物", "Deliverable"), t("结论", "Result"), t("轮次", "Rounds")],
                    summary,
                    widths=[6, 2, 1],
                )
            ],
        ),
        Block(
            heading=t("各轮验收记录", "Every round"),
            tables=[
                Table(
                    [
                        t("交付物", "Deliverable"),
                        t("责任部门", "Department"),
                        t("轮次", "Round"),
                        t("提交时间", "Submitted"),
                        t("提交人", "By"),
                        t("验收意见", "Verdict"),
                        t("说明", "Note"),
                        t("整改期限", "Rework due"),
                        t("验收人", "Judged by"),
                        t("验收时间", "Judged"),
                    ],
                    rows,
                    widths=[4, 2, 1, 2.5, 1.5, 1.5, 4, 2, 1.5, 2.5],
                )
            ],
        ),
    ]
    return _doc(
        collab,
        RECORD,
        fields,
        blocks,
        [
            t("验收组长", "Group lead"),
            t("发起部门负责人", "Head of the initiating department"),
            t("日期", "Date"),
        ],
    )


def verification_doc(collab: Collaboration, *, final_only: bool = True) -> FormDoc | None:
    rounds = selectors.verifications_of(collab)
    if not rounds:
        return None
    if final_only and rounds[-1].outcome != Outcome.RESOLVED:
        return None
    blocks = []
    for v in rounds:
        fields = [
            Field(t("现象", "Phenomenon"), v.phenomenon),
            Field(t("影响", "Impact"), v.impact),
            Field(t("根因", "Root cause"), v.root_cause),
            Field(t("实际效果", "Observed outcome"), v.observed),
            Field(
                t("结论", "Outcome"),
                _p(_OUTCOME.get(Outcome(v.outcome))) if v.outcome else t("进行中", "In progress"),
            ),
            Field(t("说明", "Conclusion"), v.conclusion),
        ]
        if v.outcome == Outcome.PARTIAL:
            fields += [
                Field(t("跟进事项", "Follow-up"), v.follow_up),
                Field(t("跟进人", "Owner"), name_of(v.follow_up_owner)),
                Field(t("跟进期限", "Due"), day_text(v.follow_up_due)),
            ]
        feedback = [
            [
                str(f.department),
                _p(_RATING.get(Rating(f.rating))) if f.rating else "",
                f.text,
                name_of(f.answered_by),
                day_text(f.answered_at),
            ]
            for f in v.feedback.all()
        ]
        blocks.append(
            Block(
                heading=f"{t('第', 'Round ')}{v.round}{t('轮验证', '')}",
                fields=fields,
                tables=[
                    Table(
                        [
                            t("部门", "Department"),
                            t("评价", "Rating"),
                            t("反馈", "Feedback"),
                            t("反馈人", "By"),
                            t("时间", "When"),
                        ],
                        feedback,
                        title=t("各部门反馈", "Feedback of the departments"),
                        widths=[2, 1.5, 5, 1.5, 2.5],
                    )
                ],
            )
        )
    return _doc(
        collab, VERIFICATION, [], blocks, [t("项目负责人", "Project lead"), t("日期", "Date")]
    )


def _selfcheck(collab: Collaboration, user: Any) -> FormDoc | None:
    return selfcheck_doc(collab)


def _record(collab: Collaboration, user: Any) -> FormDoc | None:
    return record_doc(collab)


def _verification(collab: Collaboration, user: Any) -> FormDoc | None:
    return verification_doc(collab)


def register_forms() -> None:
    # A checklist is a table (each standard met / not met / note): .xlsx too.
    register_form(
        "acceptance.selfcheck",
        label=SELFCHECK,
        builder=_selfcheck,
        formats=("docx", "pdf", "xlsx"),
        order=70,
    )
    register_form(
        "acceptance.record",
        label=RECORD,
        builder=_record,
        formats=("docx", "pdf", "xlsx"),
        archive_doc="acceptance",
        order=71,
    )
    register_form(
        "acceptance.verification",
        label=VERIFICATION,
        builder=_verification,
        archive_doc="verification",
        kinds=("problem",),
        order=72,
    )
