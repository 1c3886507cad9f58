"""The communication plan as .xlsx and .docx, laid out like the guide's 模板一.

Like the request form's export, the column headings are the template's own
wording in Chinese (and a plain English version), kept here rather than in
the catalog: a Chinese sheet must say exactly what the paper form says.
"""

from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from concord.collaborations.exports import _english
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, FormDoc, Table, render
from concord.knowledge.naming import content_disposition, document_name

from .models import Channel, HandlerRole, LimitUnit
from .selectors import PlanView, plan_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

LABELS: dict[str, tuple[str, str]] = {
    "title": ("跨部门项目沟通计划表", "Cross-department project communication plan"),
    "doc_type": ("沟通计划表", "Communication plan"),
    "topic": ("沟通事项", "Topic"),
    "who": ("参与部门/人员", "Departments / people"),
    "channel": ("沟通方式", "Channel"),
    "frequency": ("频率/时间", "Frequency / time"),
    "owner": ("负责人", "Owner"),
    "output": ("输出物", "Output"),
    "notes": ("备注", "Notes"),
    "escalation": ("冲突升级路径", "Escalation path"),
    "level": ("级别", "Level"),
    "handler": ("处理人", "Handled by"),
    "limit": ("时限", "Time limit"),
    "confirm_title": ("沟通机制确认表", "Communication plan confirmation"),
    "department": ("部门", "Department"),
    "contact": ("对接人", "Contact"),
    "confirmed_by": ("确认人", "Confirmed by"),
    "confirmed_at": ("确认时间", "Confirmed at"),
    "pending": ("待确认", "Pending"),
    "number": ("需求编号", "Number"),
    "name": ("项目名称", "Project name"),
}
CHANNELS: dict[str, tuple[str, str]] = {
    Channel.MEETING: ("会议", "Meeting"),
    Channel.IM: ("即时通讯群", "IM group"),
    Channel.EMAIL: ("邮件", "Email"),
    Channel.SYSTEM: ("本系统", "This system"),
    Channel.DOCS: ("共享文档", "Shared documents"),
}
ROLES: dict[str, tuple[str, str]] = {
    HandlerRole.PARTIES: ("当事人自行沟通", "The parties themselves"),
    HandlerRole.LEAD: ("项目负责人", "Project lead"),
    HandlerRole.SPONSOR: ("项目发起人(如副总)", "Sponsor or vice president"),
}
UNITS: dict[str, tuple[str, str]] = {
    LimitUnit.CLOCK_HOURS: ("小时", "hours"),
    LimitUnit.WORKING_HOURS: ("工作小时", "working hours"),
    LimitUnit.WORKING_DAYS: ("个工作日", "working days"),
}


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if _english() else pair[0]


def label(key: str) -> str:
    return _pick(LABELS[key])


def _name(user: Any) -> str:
    person = getattr(user, "person", None)
    return person.name if person is not None else (user.get_username() if user else "")


def filename(collab: Collaboration, ext: str) -> str:
    """Return 「名称-日期-类型」, e.g. 新品上市推广-2026-11-21-沟通计划表.xlsx."""
    return document_name(collab.name, timezone.localdate(), label("doc_type"), ext)


def item_rows(view: PlanView) -> list[list[str]]:
    rows = []
    for item in view.items:
        who = "、".join(
            [d.name for d in item.departments.all()] + [_name(u) for u in item.people.all()]
        )
        rows.append(
            [
                item.topic,
                who,
                _pick(CHANNELS[item.channel]),
                item.frequency,
                _name(item.owner) if item.owner else "",
                item.output,
                item.notes,
            ]
        )
    return rows


def level_rows(view: PlanView) -> list[list[str]]:
    return [
        [
            str(row.level),
            "、".join(_name(u) for u in row.handlers) or _pick(ROLES[row.role]),  # type: ignore[attr-defined]
            f"{row.limit_value} {_pick(UNITS[row.limit_unit])}",
        ]
        for row in view.levels
    ]


def confirmation_rows(view: PlanView) -> list[list[str]]:
    rows = []
    for c in view.confirmations:
        done = c.confirmation if c.current else None
        rows.append(
            [
                c.row.department.name,
                _name(c.row.contact) if c.row.contact else "",
                _name(done.confirmed_by) if done else label("pending"),
                f"{timezone.localtime(done.confirmed_at):%Y-%m-%d %H:%M}" if done else "",
            ]
        )
    return rows


ITEM_HEADINGS = ["topic", "who", "channel", "frequency", "owner", "output", "notes"]


def plan_xlsx(collab: Collaboration) -> bytes:
    view = plan_view(collab)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = label("doc_type")[:31]
    sheet.append([label("title")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([label("number"), collab.number or "", label("name"), collab.name])
    sheet.append([])
    sheet.append([label(k) for k in ITEM_HEADINGS])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    if view is not None:
        for row in item_rows(view):
            sheet.append(row)
        sheet.append([])
        sheet.append([label("escalation")])
        sheet.append([label("level"), label("handler"), label("limit")])
        for row in level_rows(view):
            sheet.append(row)
        sheet.append([])
        sheet.append([label("confirm_title")])
        sheet.append([label(k) for k in ("department", "contact", "confirmed_by", "confirmed_at")])
        for row in confirmation_rows(view):
            sheet.append(row)
    for column, width in zip("ABCDEFG", (22, 24, 14, 22, 12, 18, 30), strict=True):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def plan_docx(collab: Collaboration) -> bytes:
    """The plan as .docx: the standard form's layout (three tables), even before a plan exists."""
    return render(_plan_doc(collab, plan_view(collab)), "docx")


def xlsx_response(collab: Collaboration) -> HttpResponse:
    response = HttpResponse(plan_xlsx(collab), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(filename(collab, "xlsx"))
    return response


def docx_response(collab: Collaboration) -> HttpResponse:
    response = HttpResponse(plan_docx(collab), content_type=DOCX)
    response["Content-Disposition"] = content_disposition(filename(collab, "docx"))
    return response


def plan_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """模板一 《跨部门项目沟通计划表》 with the escalation path and 《沟通机制确认表》."""
    view = plan_view(collab)
    return None if view is None else _plan_doc(collab, view)


def _plan_doc(collab: Collaboration, view: PlanView | None) -> FormDoc:
    confirm = ("department", "contact", "confirmed_by", "confirmed_at")
    return FormDoc(
        title=label("title"),
        doc_type=label("doc_type"),
        name=collab.name,
        day=timezone.localdate(),
        note=f"{label('number')}: {collab.number or ''}    {label('name')}: {collab.name}",
        fields=[],
        blocks=[
            Block(
                tables=[
                    Table(
                        columns=[label(k) for k in ITEM_HEADINGS],
                        rows=item_rows(view) if view else [],
                        title=label("title"),
                        widths=[3, 3, 1.5, 2, 1.5, 2, 3],
                    )
                ]
            ),
            Block(
                heading=label("escalation"),
                tables=[
                    Table(
                        columns=[label("level"), label("handler"), label("limit")],
                        rows=level_rows(view) if view else [],
                        title=label("escalation"),
                        widths=[1, 4, 2],
                    )
                ],
            ),
            Block(
                heading=label("confirm_title"),
                tables=[
                    Table(
                        columns=[label(k) for k in confirm],
                        rows=confirmation_rows(view) if view else [],
                        title=label("confirm_title"),
                        widths=[2, 2, 2, 2],
                    )
                ],
            ),
        ],
    )
