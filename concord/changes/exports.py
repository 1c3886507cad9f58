"""The change notice as a formal document (.docx), named 「名称-日期-类型」."""

from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from docx import Document
from docx.shared import Pt

from concord.collaborations.exports import DOCX, content_disposition

from .models import Category, ChangeNotice

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
    name = "".join(c for c in notice.collaboration.name if c not in '\\/:*?"<>|').strip()
    return f"{name or 'change'}-{day:%Y-%m-%d}-{label('doc_type')}-{notice.number}.docx"


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


def notice_docx(notice: ChangeNotice, acks: list[Any]) -> bytes:
    document = Document()
    document.add_heading(f"{label('doc_type')} {notice.number}", level=1)
    rows = _rows(notice, acks)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for (key, value), row in zip(rows, table.rows, strict=True):
        row.cells[0].text = key
        row.cells[1].text = value or ""
        for paragraph in row.cells[0].paragraphs:
            for run in paragraph.runs:
                run.bold = True
                run.font.size = Pt(10.5)
    if acks:
        table = document.add_table(rows=1 + len(acks), cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = label("acks")
        for ack, row in zip(acks, table.rows[1:], strict=True):
            row.cells[0].text = _person(ack.user)
            when = timezone.localtime(ack.acknowledged_at) if ack.acknowledged_at else None
            row.cells[1].text = when.strftime("%Y-%m-%d %H:%M") if when else "—"
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_response(notice: ChangeNotice, acks: list[Any]) -> HttpResponse:
    response = HttpResponse(notice_docx(notice, acks), content_type=DOCX)
    response["Content-Disposition"] = content_disposition(filename(notice))
    return response
