"""Render a FormDoc as .docx (python-docx), CJK-safe.

Word picks the font of Chinese characters from the run's East-Asian font
(`w:eastAsia` of `w:rFonts`), not from `font.name`; every style used here
sets both, so Chinese shows in the intended typeface on any machine.
"""

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.text.run import Run

from .forms import Field, FormDoc, Table

LATIN_FONT = "Calibri"
CJK_FONT = "Noto Sans CJK SC"
CJK_FALLBACK = "宋体"  # a Windows/Office machine without Noto still renders CJK
PAGE_WIDTH_CM = 16.0  # A4 less 2.5 cm margins


def _east_asian(element: object, font: str = CJK_FONT) -> None:
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:hint"), "eastAsia")


def _setup_styles(document: DocxDocument) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = LATIN_FONT
        _east_asian(style.element)
    document.styles["Normal"].font.size = Pt(10.5)
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.2)


def _run(run: Run, *, bold: bool = False, size: float | None = None) -> Run:
    run.bold = bold or None
    run.font.name = LATIN_FONT
    if size:
        run.font.size = Pt(size)
    _east_asian(run._element)
    return run


def _cell_text(cell: object, text: object, *, bold: bool = False) -> None:
    lines = ("" if text is None else str(text)).split("\n")
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    _run(paragraph.add_run(lines[0]), bold=bold)
    for line in lines[1:]:
        _run(cell.add_paragraph().add_run(line), bold=bold)  # type: ignore[attr-defined]


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _widths(table: DocxTable, widths: list[float]) -> None:
    total = sum(widths) or 1
    for index, width in enumerate(widths):
        cm = Cm(PAGE_WIDTH_CM * width / total)
        for cell in table.columns[index].cells:
            cell.width = cm


def _fields(document: DocxDocument, fields: list[Field]) -> None:
    if not fields:
        return
    table = document.add_table(rows=len(fields), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for item, row in zip(fields, table.rows, strict=True):
        _cell_text(row.cells[0], item.label, bold=True)
        _cell_text(row.cells[1], item.value)
    _widths(table, [1, 3])


def _table(document: DocxDocument, data: Table) -> None:
    if data.title:
        _run(document.add_paragraph().add_run(data.title), bold=True)
    columns = max(len(data.columns), max((len(r) for r in data.rows), default=0), 1)
    table = document.add_table(rows=1 + len(data.rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    for index, column in enumerate(data.columns):
        _cell_text(header.cells[index], column, bold=True)
    for values, row in zip(data.rows, table.rows[1:], strict=True):
        for index, value in enumerate(values):
            _cell_text(row.cells[index], "" if value is None else str(value))
    if data.widths and len(data.widths) == columns:
        _widths(table, data.widths)


def render_docx(doc: FormDoc) -> bytes:
    document = Document()
    _setup_styles(document)
    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title.add_run(doc.title), bold=True, size=18)
    if doc.subtitle:
        sub = document.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(sub.add_run(doc.subtitle), size=12)
    if doc.note:
        note = document.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(note.add_run(doc.note), size=9)
    _fields(document, doc.fields)
    for block in doc.blocks:
        if block.heading:
            heading = document.add_heading(level=2)
            _run(heading.add_run(block.heading))
        _fields(document, block.fields)
        for text in block.paragraphs:
            for line in ("" if text is None else str(text)).split("\n"):
                _run(document.add_paragraph().add_run(line))
        for data in block.tables:
            _table(document, data)
            document.add_paragraph()
    if doc.signatures:
        document.add_paragraph()
        table = document.add_table(rows=2, cols=len(doc.signatures))
        table.style = "Table Grid"
        for index, signature in enumerate(doc.signatures):
            _cell_text(table.rows[0].cells[index], signature, bold=True)
            _cell_text(table.rows[1].cells[index], "\n\n")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
