"""《会议纪要》 (表2 沟通协调会议纪要) as a standard form: .docx and PDF.

One FormDoc per meeting (`minutes_doc`), in the guide's layout: the meeting
information (主题, 时间, 地点, 主持人, 记录人, 参会人员), the key points per
agenda item, the consensus and decisions, the disagreements, and the table
of action items (事项, 负责人, 截止时间, 交付成果, 状态). The collaboration-level
form `meetings.minutes` bundles every published meeting's minutes for the
archive.
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
from .models import DecisionKind, Meeting

LABEL = ("会议纪要", "Meeting minutes")


def _blocks(meeting: Meeting) -> list[Block]:
    agenda = list(meeting.agenda.all())
    decisions = list(meeting.decisions.all())
    actions = list(meeting.action_items.all())
    attendees = list(meeting.attendees.all())
    points = Table(
        columns=[t("议题", "Agenda item"), t("汇报人", "Presenter"), t("讨论要点", "Key points")],
        rows=[[a.title, name_of(a.presenter), a.key_points] for a in agenda],
        widths=[3, 1.5, 6],
    )
    consensus = [d.text for d in decisions if d.kind == DecisionKind.CONSENSUS]
    resolved = [d.text for d in decisions if d.kind == DecisionKind.DECISION]
    todo = Table(
        columns=[
            t("待办事项", "Action item"),
            t("负责人", "Owner"),
            t("截止时间", "Due date"),
            t("交付成果", "Deliverable"),
            t("状态", "Status"),
        ],
        rows=[
            [
                a.description,
                name_of(a.owner),
                day_text(a.due_on),
                a.deliverable,
                a.task.get_status_display() if a.task_id and a.task else "",
            ]
            for a in actions
        ],
        widths=[4, 1.5, 1.5, 3, 1.2],
    )
    confirmations = Table(
        columns=[t("参会人员", "Attendee"), t("部门", "Department"), t("确认", "Confirmed")],
        rows=[
            [
                name_of(a.user),
                str(a.department or ""),
                day_text(a.confirmed_at)
                if a.confirmed_at
                else (a.objection and t("有异议", "Objected")) or "",
            ]
            for a in attendees
        ],
        widths=[2, 2, 2],
    )
    return [
        Block(heading=t("议题与讨论要点", "Agenda and key points"), tables=[points]),
        Block(
            heading=t("共识事项", "Consensus"),
            paragraphs=[f"{i + 1}. {x}" for i, x in enumerate(consensus)] or ["—"],
        ),
        Block(
            heading=t("决议", "Decisions"),
            paragraphs=[f"{i + 1}. {x}" for i, x in enumerate(resolved)] or ["—"],
        ),
        Block(heading=t("分歧事项", "Disagreements"), paragraphs=[meeting.disagreements or "—"]),
        Block(heading=t("待办事项", "Action items"), tables=[todo]),
        Block(heading=t("纪要确认", "Confirmation of the minutes"), tables=[confirmations]),
    ]


def _fields(meeting: Meeting) -> list[Field]:
    attendees = "、".join(
        f"{name_of(a.user)}({a.department})" if a.department else name_of(a.user)
        for a in meeting.attendees.all()
    )
    return [
        Field(t("会议主题", "Subject"), meeting.title),
        Field(t("会议类型", "Kind"), str(meeting.get_kind_display())),
        Field(
            t("会议时间", "Time"),
            f"{day_text(meeting.starts_at)} ({meeting.duration_minutes} {t('分钟', 'min')})",
        ),
        Field(t("会议地点", "Place or link"), meeting.place),
        Field(t("主持人", "Host"), name_of(meeting.host)),
        Field(t("记录人", "Note-taker"), name_of(meeting.note_taker)),
        Field(t("决策人", "Decision maker"), name_of(meeting.decision_maker)),
        Field(t("参会人员", "Attendees"), attendees),
    ]


def minutes_doc(meeting: Meeting) -> FormDoc:
    """The 《会议纪要》 of one meeting."""
    collab = meeting.collaboration
    note = collab.number or ""
    if meeting.minutes_published_at:
        note += " · " + t("发布于 ", "published ") + day_text(meeting.minutes_published_at)
        note += f" · {t('第', 'revision ')}{meeting.minutes_revision}{t('版', '')}"
    return FormDoc(
        title=t("沟通协调会议纪要", "Minutes of the coordination meeting")
        if meeting.kind == "coordination"
        else t("会议纪要", "Meeting minutes"),
        doc_type=t("会议纪要", "Meeting minutes"),
        name=collab.name,
        day=timezone.localtime(meeting.starts_at).date(),
        fields=_fields(meeting),
        blocks=_blocks(meeting),
        signatures=[t("主持人", "Host"), t("记录人", "Note-taker")],
        note=note,
        subtitle=meeting.title,
    )


def all_minutes_doc(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """Every published meeting's minutes of the collaboration, one after another."""
    meetings = selectors.published_minutes(collab)
    if not meetings:
        return None
    blocks: list[Block] = []
    for meeting in meetings:
        meeting.collaboration = collab
        blocks.append(
            Block(
                heading=f"{day_text(meeting.starts_at)} {meeting.title}",
                fields=_fields(meeting),
            )
        )
        blocks.extend(_blocks(meeting))
    return FormDoc(
        title=t("会议纪要汇编", "Meeting minutes"),
        doc_type=t("会议纪要", "Meeting minutes"),
        name=collab.name,
        day=timezone.localdate(),
        fields=[
            Field(t("协作事项", "Collaboration"), f"{collab.number} {collab.name}"),
            Field(t("会议数", "Meetings"), str(len(meetings))),
        ],
        blocks=blocks,
        note=collab.number or "",
    )


def register_forms() -> None:
    register_form(
        "meetings.minutes",
        label=LABEL,
        builder=all_minutes_doc,
        formats=("docx", "pdf"),
        archive_doc="minutes",
        order=40,
    )
