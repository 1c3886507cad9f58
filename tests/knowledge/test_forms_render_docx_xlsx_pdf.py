"""Each renderer gives a file its reader opens: Word with CJK fonts, Excel with a frozen
header, a PDF with a Noto CJK font embedded."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from concord.knowledge import render_pdf
from concord.knowledge.forms import Block, Field, FormDoc, Table, render
from concord.lib.errors import DomainError
from tests.knowledge.forms_helpers import docx_text, embeds_cjk_font


def _doc() -> FormDoc:
    return FormDoc(
        title="跨部门协作需求申请表",
        doc_type="需求申请表",
        name="新品上市推广",
        day=date(2026, 11, 21),
        fields=[Field("项目名称", "新品上市推广"), Field("资源预估", "6 人\n¥200,000.00")],
        blocks=[
            Block(
                heading="里程碑计划",
                paragraphs=["预算评审在七月完成"],
                tables=[
                    Table(
                        columns=["里程碑", "日期"],
                        rows=[["上线", "2026-09-01"], ["验收", "2026-09-30"]],
                        title="里程碑",
                        widths=[3, 1],
                    )
                ],
            )
        ],
        signatures=["发起部门负责人", "项目负责人"],
        note="XQ-2026-0001",
    )


def test_docx_opens_with_the_chinese_title_and_an_east_asian_font() -> None:
    content = render(_doc(), "docx")
    document = Document(BytesIO(content))
    assert document.paragraphs[0].text == "跨部门协作需求申请表"
    text = docx_text(content)
    for expected in ("新品上市推广", "上线", "2026-09-30", "预算评审在七月完成", "项目负责人"):
        assert expected in text
    fonts = document.paragraphs[0].runs[0]._element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia"))


def test_xlsx_has_one_sheet_per_table_with_a_bold_frozen_header() -> None:
    book = load_workbook(BytesIO(render(_doc(), "xlsx")))
    assert len(book.worksheets) == 1
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "跨部门协作需求申请表"
    rows = list(sheet.iter_rows(values_only=True))
    header = next(
        i for i, row in enumerate(rows, start=1) if row[0] == "里程碑" and row[1] == "日期"
    )
    assert sheet.cell(row=header, column=1).font.bold
    assert sheet.freeze_panes == f"A{header + 1}"
    assert ("上线", "2026-09-01") in [r[:2] for r in rows]
    assert ("项目名称", "新品上市推广") in [r[:2] for r in rows]


def test_xlsx_of_a_form_without_tables_lists_its_fields() -> None:
    doc = _doc()
    doc.blocks = []
    sheet = load_workbook(BytesIO(render(doc, "xlsx"))).worksheets[0]
    assert ("项目名称", "新品上市推广") in [r[:2] for r in sheet.iter_rows(values_only=True)]


def test_pdf_embeds_a_noto_cjk_font() -> None:
    content = render(_doc(), "pdf")
    assert content.startswith(b"%PDF")
    assert embeds_cjk_font(content)


def test_pdf_without_weasyprint_is_a_clear_domain_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "weasyprint":
            raise OSError("cannot load library 'pango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(render_pdf, "_HTML", None)
    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(DomainError) as caught:
        render(_doc(), "pdf")
    assert caught.value.code == "conflict"
    assert "WeasyPrint" in str(caught.value.message)


def test_an_unknown_format_is_not_found() -> None:
    with pytest.raises(DomainError) as caught:
        render(_doc(), "odt")
    assert caught.value.code == "not_found"


def test_build_file_gives_the_name_and_bytes_for_a_bundle(org) -> None:  # type: ignore[no-untyped-def]
    from concord.knowledge.forms import build_file
    from tests.collaborations.helpers import established

    collab = established(org)
    name, content = build_file(collab, org.alice, "collaborations.request", "docx", "en")
    assert name.endswith("-Request form.docx")
    assert content.startswith(b"PK")
    assert build_file(collab, org.alice, "tasks.progress", "xlsx") is None
