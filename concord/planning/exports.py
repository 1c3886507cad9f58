"""《部门协作职责分工表》 as .xlsx, in the guide's layout.

Title row, then the columns 任务/交付物, 负责部门(R), 批准(A), 咨询(C),
知会(I), 职责描述, 交付标准 (English headers when the reader's language is
English), one row per task (in WBS order, with its code) and deliverable.
"""

from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from concord.collaborations.exports import content_disposition
from concord.collaborations.models import Collaboration

from .models import PlanVersion
from .selectors import wbs_tree

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_ZH = {
    "title": "部门协作职责分工表",
    "headers": [
        "任务/交付物",
        "负责部门(R)",
        "批准(A)",
        "咨询(C)",
        "知会(I)",
        "职责描述",
        "交付标准",
    ],
    "version": "版本",
}
_EN = {
    "title": "Department collaboration responsibility matrix",
    "headers": [
        "Task / deliverable",
        "Responsible (R)",
        "Accountable (A)",
        "Consulted (C)",
        "Informed (I)",
        "Duty description",
        "Deliverable standard",
    ],
    "version": "version",
}


def _words() -> dict[str, Any]:
    from django.utils.translation import get_language

    return _EN if (get_language() or "zh-hans").lower().startswith("en") else _ZH


def _party(cell: Any) -> str:
    if cell.department_id:
        return str(cell.department.name)
    person = getattr(cell.person, "person", None)
    return str(person.name) if person is not None else str(cell.person.get_username())


def raci_rows(version: PlanVersion) -> list[list[str]]:
    """Return the table's rows (without headers); `version` comes from `version_detail`."""
    parties: dict[str, dict[str, list[str]]] = {}
    for cell in version.raci.all():
        key = f"wbs-{cell.wbs_item_id}" if cell.wbs_item_id else f"d-{cell.deliverable_id}"
        parties.setdefault(key, {}).setdefault(cell.letter, []).append(_party(cell))
    entries: list[tuple[str, str, Any]] = [
        (f"wbs-{t.item.pk}", f"{t.code} {t.item.title}", t.item) for t in wbs_tree(version)
    ]
    entries += [(f"d-{d.pk}", d.name, d) for d in version.deliverables.all()]
    rows = []
    for key, label, item in entries:
        letters = parties.get(key, {})
        rows.append(
            [
                label,
                *("、".join(letters.get(letter, [])) for letter in "RACI"),
                item.duty,
                item.standard,
            ]
        )
    return rows


def raci_xlsx(collab: Collaboration, version: PlanVersion) -> bytes:
    words = _words()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "RACI"
    sheet.append(
        [f"{words['title']} — {collab.number} {collab.name} ({words['version']} {version.number})"]
    )
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(words["headers"])
    for header in sheet[2]:
        header.font = Font(bold=True)
    for values in raci_rows(version):
        sheet.append(values)
    for letter, width in zip("ABCDEFG", (36, 16, 16, 16, 16, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filename(collab: Collaboration) -> str:
    """Return 「名称-日期-类型」.xlsx, e.g. 新品上市推广-2026-11-21-部门协作职责分工表.xlsx."""
    name = "".join(c for c in collab.name if c not in '\\/:*?"<>|').strip() or "plan"
    kind = "RACI" if _words() is _EN else _ZH["title"]
    return f"{name}-{timezone.localdate():%Y-%m-%d}-{kind}.xlsx"


def raci_response(collab: Collaboration, version: PlanVersion) -> HttpResponse:
    response = HttpResponse(raci_xlsx(collab, version), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(filename(collab))
    return response
