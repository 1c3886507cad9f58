"""《问题跟踪表》 (issue tracking table): .xlsx here, .docx/.pdf through the forms framework.

Columns follow the guide ("问题描述-影响范围-责任人-解决时限", updated daily
until closed): number, issue (description, phenomenon, root cause), impact
scope, departments, owner, level and handler, resolution deadline, status,
daily updates, resolution and who confirmed it. File name 「名称-日期-类型」.
"""

from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from concord.collaborations.models import Collaboration
from concord.knowledge.naming import content_disposition, document_name

from .models import Issue, IssueUpdate, Status

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TITLE = ("问题跟踪表", "Issue tracking table")
HEADERS = [
    ("编号", "No."),
    ("问题描述", "Issue"),
    ("影响范围", "Impact scope"),
    ("涉及部门", "Departments"),
    ("责任人", "Owner"),
    ("级别/处理人", "Level / handler"),
    ("解决时限", "Resolution deadline"),
    ("状态", "Status"),
    ("每日进展", "Daily updates"),
    ("解决结果", "Resolution"),
    ("确认人", "Confirmed by"),
]
WIDTHS = (8, 40, 30, 14, 10, 16, 16, 10, 45, 30, 10)


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def t(zh: str, en: str) -> str:
    return en if _english() else zh


def _name(user: Any) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or user.get_username()


def _when(value: Any) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def table_rows(collab: Collaboration) -> list[list[str]]:
    """Return one row per issue in number order, in a constant number of queries."""
    issues = list(
        Issue.objects.filter(collaboration=collab)
        .select_related("owner__person", "handler__person", "confirmed_by__person")
        .prefetch_related("departments")
        .order_by("seq")
    )
    updates: dict[int, list[str]] = {}
    for u in (
        IssueUpdate.objects.filter(issue__collaboration=collab)
        .select_related("author__person")
        .order_by("created_at", "id")
    ):
        updates.setdefault(u.issue_id, []).append(
            f"{timezone.localtime(u.created_at):%m-%d} {_name(u.author)}: {u.body}"
        )
    rows = []
    for issue in issues:
        desc = [issue.title]
        if issue.description:
            desc.append(issue.description)
        if issue.phenomenon:
            desc.append(t("现象：", "Phenomenon: ") + issue.phenomenon)
        if issue.root_cause:
            desc.append(t("本质：", "Root cause: ") + issue.root_cause)
        impact = []
        for zh, en, text in (
            ("业务", "Business", issue.impact_business),
            ("客户", "Customers", issue.impact_customers),
            ("团队", "Teams", issue.impact_teams),
        ):
            if text:
                impact.append(f"{t(zh, en)}: {text}")
        flagged = t("（已报PMO）", " (flagged to PMO)") if issue.pmo_flagged_at else ""
        rows.append(
            [
                issue.number,
                "\n".join(desc),
                "\n".join(impact),
                "、".join(d.name for d in issue.departments.all()),
                _name(issue.owner),
                f"L{issue.level} {_name(issue.handler)}{flagged}",
                _when(issue.due_at),
                str(Status(issue.status).label),
                "\n".join(updates.get(issue.pk, [])),
                issue.resolution,
                _name(issue.confirmed_by),
            ]
        )
    return rows


def headers() -> list[str]:
    return [t(zh, en) for zh, en in HEADERS]


def table_xlsx(collab: Collaboration) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("问题", "Issues")
    title = t(*TITLE)
    sheet.append([f"{title} — {collab.number} {collab.name} ({timezone.localdate():%Y-%m-%d})"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers())
    for header in sheet[2]:
        header.font = Font(bold=True)
    for values in table_rows(collab):
        sheet.append(values)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filename(collab: Collaboration, ext: str = "xlsx") -> str:
    """Return 「名称-日期-类型」.xlsx, e.g. 新品上市推广-2026-07-01-问题跟踪表.xlsx."""
    return document_name(collab.name, timezone.localdate(), t(*TITLE), ext)


def table_response(collab: Collaboration) -> HttpResponse:
    response = HttpResponse(table_xlsx(collab), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(filename(collab))
    return response


# ---------------------------------------------------------------- forms framework


def table_doc(collab: Collaboration, user: Any = None) -> Any:
    """Return the 《问题跟踪表》 as a FormDoc.

    Before execution, no issues means nothing yet (None). Once the plan is in
    effect an empty table is a record too — "no issue was raised" — so a
    collaboration that ran without trouble can be archived without a waiver.
    """
    from concord.collaborations.lifecycle import State
    from concord.knowledge.forms import Block, FormDoc, Table

    rows = table_rows(collab)
    if not rows and collab.state not in {State.EXECUTING, State.CLOSED}:
        return None
    title = t(*TITLE)
    block = Block(tables=[Table(columns=headers(), rows=rows, widths=list(WIDTHS))])
    if not rows:
        none = t("本协作未登记问题。", "No issue was raised in this collaboration.")
        block = Block(paragraphs=[none])
    return FormDoc(
        title=title,
        doc_type=title,
        name=collab.name,
        day=timezone.localdate(),
        fields=[],
        blocks=[block],
    )


def register_forms() -> None:
    from concord.knowledge.forms import register_form

    register_form(
        "issues.table",
        label=TITLE,
        builder=table_doc,
        formats=("xlsx", "docx", "pdf"),
        archive_doc="issue_table",
        order=40,
    )
