"""《任务进度跟踪表》 as .xlsx: the guide's columns, Chinese or English headers.

Columns: 任务, 负责人, 部门, 截止时间, 交付成果, 状态, 进度, 备注 (task number and
title, owner, department, due date, deliverable, status, percent done, notes:
the blocking reason or the latest progress note). File name 「名称-日期-类型」.
"""

from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, Field, FormDoc, Table
from concord.knowledge.naming import content_disposition, document_name

from .models import ProgressUpdate, Status, Task

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ZH_TITLE = "任务进度跟踪表"
EN_TITLE = "Task progress tracking sheet"
ZH_HEADERS = ["任务", "负责人", "部门", "截止时间", "交付成果", "状态", "进度", "备注"]
EN_HEADERS = [
    "Task",
    "Owner",
    "Department",
    "Due date",
    "Deliverable",
    "Status",
    "Progress",
    "Notes",
]


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def _name(user: object) -> str:
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or str(user)


def tracking_rows(collab: Collaboration) -> list[list[str]]:
    """Return one row per task in number order, in a constant number of queries."""
    tasks = list(
        Task.objects.filter(collaboration=collab)
        .select_related("owner__person", "department")
        .order_by("seq")
    )
    latest: dict[int, str] = {}
    for update in ProgressUpdate.objects.filter(task__collaboration=collab).order_by(
        "task_id", "-created_at", "-id"
    ):
        latest.setdefault(update.task_id, update.text)
    rows = []
    for task in tasks:
        note = task.blocked_reason if task.status == Status.BLOCKED else latest.get(task.pk, "")
        rows.append(
            [
                f"{task.number} {task.title}",
                _name(task.owner),
                task.department.name,
                task.due_on.isoformat() if task.due_on else "",
                task.deliverable,
                str(Status(task.status).label),
                f"{task.percent_done}%",
                note,
            ]
        )
    return rows


def tracking_xlsx(collab: Collaboration) -> bytes:
    english = _english()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tasks" if english else "任务"
    title = EN_TITLE if english else ZH_TITLE
    sheet.append([f"{title} — {collab.number} {collab.name} ({timezone.localdate():%Y-%m-%d})"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(EN_HEADERS if english else ZH_HEADERS)
    for header in sheet[2]:
        header.font = Font(bold=True)
    for values in tracking_rows(collab):
        sheet.append(values)
    for letter, width in zip("ABCDEFGH", (40, 14, 14, 12, 30, 10, 8, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filename(collab: Collaboration) -> str:
    """Return 「名称-日期-类型」.xlsx, e.g. 新品上市推广-2026-07-01-任务进度跟踪表.xlsx."""
    kind = "Task-progress" if _english() else ZH_TITLE
    return document_name(collab.name, timezone.localdate(), kind, "xlsx")


def tracking_response(collab: Collaboration) -> HttpResponse:
    response = HttpResponse(tracking_xlsx(collab), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(filename(collab))
    return response


def progress_form(collab: Collaboration, user: object = None) -> FormDoc | None:
    """《任务进度跟踪表》 as a standard form (xlsx, docx, pdf); None before the first task."""
    rows = tracking_rows(collab)
    if not rows:
        return None
    english = _english()
    today = timezone.localdate()
    return FormDoc(
        title=EN_TITLE if english else ZH_TITLE,
        doc_type="Task-progress" if english else ZH_TITLE,
        name=collab.name,
        day=today,
        fields=[
            Field("Request number" if english else "需求编号", collab.number or ""),
            Field("Project name" if english else "项目名称", collab.name),
            Field("As of" if english else "统计日期", f"{today:%Y-%m-%d}"),
        ],
        blocks=[
            Block(
                tables=[
                    Table(
                        columns=EN_HEADERS if english else ZH_HEADERS,
                        rows=rows,
                        title="Tasks" if english else "任务",
                        widths=[40, 14, 14, 12, 30, 10, 8, 40],
                    )
                ]
            )
        ],
    )
