"""Render a FormDoc as .xlsx (openpyxl): one sheet per table.

Each sheet starts with the form's title and key/value fields, then the
table with a bold, frozen header row and column widths. A form without
tables gets one sheet with its fields and paragraphs.
"""

import re
import unicodedata
from datetime import date
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .forms import Block, Field, FormDoc, Table

_SHEET_ILLEGAL = re.compile(r"[\\/*?:\[\]]")
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _cell(value: object) -> str | int | float | Decimal | date | None:
    """A value openpyxl stores as itself (numbers, dates, text); anything else as text."""
    if value is None or isinstance(value, (str, int, float, Decimal, date)):
        return value
    return str(value)


def _text_width(text: str) -> int:
    """Characters of display width: a CJK character counts as two."""
    longest = max((line for line in str(text or "").split("\n")), key=len, default="")
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in longest)


def _sheet_title(title: str, used: set[str]) -> str:
    base = _SHEET_ILLEGAL.sub(" ", title).strip() or "Sheet"
    if len(base) > 28:  # Excel allows 31; the rest is kept for the numbering of twins
        base = base[:27].rstrip() + "…"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base[:25]} {n}", n + 1
    used.add(candidate)
    return candidate


def _head(sheet: Worksheet, doc: FormDoc, fields: list[Field], paragraphs: list[str]) -> int:
    """Write title, note and fields; return the next free row."""
    sheet.cell(row=1, column=1, value=doc.title).font = Font(bold=True, size=14)
    row = 2
    if doc.note:
        sheet.cell(row=row, column=1, value=doc.note).font = Font(italic=True, size=9)
        row += 1
    for item in fields:
        sheet.cell(row=row, column=1, value=item.label).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2, value=_cell(item.value))
        cell.alignment = _WRAP
        row += 1
    for text in paragraphs:
        sheet.cell(row=row, column=1, value=_cell(text)).alignment = _WRAP
        row += 1
    return row + 1 if row > 2 else row


def _table(sheet: Worksheet, data: Table, start: int) -> None:
    if data.title:
        sheet.cell(row=start, column=1, value=data.title).font = Font(bold=True)
        start += 1
    for index, column in enumerate(data.columns, start=1):
        cell = sheet.cell(row=start, column=index, value=column)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for offset, values in enumerate(data.rows, start=1):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=start + offset, column=index, value=_cell(value))
            cell.border = _BORDER
            cell.alignment = _WRAP
    sheet.freeze_panes = f"A{start + 1}"
    count = max(len(data.columns), max((len(r) for r in data.rows), default=0))
    for index in range(count):
        if data.widths and len(data.widths) == count:
            total = sum(data.widths) or 1
            width = max(8.0, min(80.0, 12.0 * count * data.widths[index] / total))
        else:
            texts = [data.columns[index] if index < len(data.columns) else ""]
            texts += [str(r[index]) for r in data.rows if index < len(r) and r[index] is not None]
            width = max(8.0, min(60.0, max(_text_width(x) for x in texts) + 2.0))
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = max(
            width, sheet.column_dimensions[letter].width or 0
        )


def _loose(block: Block) -> list[Field]:
    """The fields and text of a block that has no table."""
    text = "\n".join(p for p in block.paragraphs if p)
    return block.fields + ([Field(block.heading, text)] if text else [])


def render_xlsx(doc: FormDoc) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    used: set[str] = set()
    sheets = 0
    # A block without a table (a summary, a conclusion) goes on the next table's sheet,
    # its text as one field under its heading, so no written word is left out.
    pending: list[Field] = []
    pending_heading = ""
    for block in doc.blocks:
        if not block.tables:
            pending += _loose(block)
            pending_heading = pending_heading or block.heading
            continue
        for data in block.tables:
            sheet = first if sheets == 0 else workbook.create_sheet()
            sheet.title = _sheet_title(data.title or block.heading or doc.doc_type, used)
            fields = (doc.fields if sheets == 0 else []) + pending + block.fields
            pending, pending_heading = [], ""
            start = _head(sheet, doc, fields, block.paragraphs)
            sheet.column_dimensions["A"].width = max(
                [12.0, *(_text_width(f.label) + 2.0 for f in fields)]
            )
            _table(sheet, data, start)
            sheets += 1
    if sheets and pending:
        sheet = workbook.create_sheet()
        sheet.title = _sheet_title(pending_heading or doc.doc_type, used)
        _head(sheet, doc, pending, [])
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].width = 60
    if sheets == 0:
        first.title = _sheet_title(doc.doc_type, used)
        fields = doc.fields + [f for block in doc.blocks for f in block.fields]
        paragraphs = [p for block in doc.blocks for p in block.paragraphs]
        _head(first, doc, fields, paragraphs)
        first.column_dimensions["A"].width = 24
        first.column_dimensions["B"].width = 60
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
