"""An .xlsx keeps every written word: a block without a table (a summary) is not dropped,
and a sheet name cut to Excel's length says it was cut."""

from datetime import date
from io import BytesIO

from openpyxl import load_workbook

from concord.knowledge.forms import Block, Field, FormDoc, Table, render


def _cells(content: bytes) -> list[str]:
    book = load_workbook(BytesIO(content))
    return [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]


def _table(title: str) -> Table:
    return Table(columns=["序号", "内容"], rows=[["1", f"{title}的内容"]], title=title)


def test_a_summary_before_the_tables_lands_on_the_first_sheet() -> None:
    doc = FormDoc(
        title="反馈与改进记录表",
        doc_type="反馈与改进记录表",
        name="客户投诉响应超时",
        day=date(2026, 11, 22),
        fields=[Field("协作名称", "客户投诉响应超时")],
        blocks=[
            Block(heading="总结", paragraphs=["首次响应时间降到 18 小时。"]),
            Block(heading="有效做法", tables=[_table("有效做法")]),
            Block(heading="结论", fields=[Field("结论", "问题已解决")]),
        ],
    )
    book = load_workbook(BytesIO(render(doc, "xlsx")))
    first = [v for row in book.worksheets[0].iter_rows(values_only=True) for v in row if v]
    assert "总结" in first
    assert "首次响应时间降到 18 小时。" in first
    cells = _cells(render(doc, "xlsx"))
    assert "问题已解决" in cells  # a trailing block without a table gets its own sheet
    assert "有效做法的内容" in cells


def test_a_long_sheet_name_is_cut_with_an_ellipsis() -> None:
    title = "Proposals to change the collaboration rules"
    doc = FormDoc(
        title="Feedback and improvement record",
        doc_type="Feedback and improvement record",
        name="x",
        day=date(2026, 11, 22),
        fields=[],
        blocks=[Block(heading=title, tables=[_table(title)])],
    )
    book = load_workbook(BytesIO(render(doc, "xlsx")))
    name = book.worksheets[0].title
    assert len(name) <= 31
    assert name.endswith("…")
