"""The plan exports as .xlsx and .docx in the guide's layout, named 「名称-日期-类型」."""

from io import BytesIO
from typing import Any
from urllib.parse import unquote

import time_machine
from docx import Document
from openpyxl import load_workbook

from concord.communication import services
from tests.collaborations.helpers import established
from tests.personas import Org


@time_machine.travel("2026-11-21 10:00 +0800", tick=False)
def test_the_xlsx_has_the_template_columns_and_the_escalation_path(org: Org, client: Any) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    client.force_login(org.alice)
    response = client.get(f"/collaborations/{collab.number}/communication/export.xlsx")
    assert response.status_code == 200
    assert "新品上市推广-2026-11-21-沟通计划表.xlsx" in unquote(response["Content-Disposition"])
    sheet = load_workbook(BytesIO(response.content)).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert [
        "沟通事项",
        "参与部门/人员",
        "沟通方式",
        "频率/时间",
        "负责人",
        "输出物",
        "备注",
    ] in values
    assert ["冲突升级路径"] in values
    assert ["1", "当事人自行沟通", "24 小时"] in values


def test_the_docx_in_english(org: Org, client: Any) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    client.force_login(org.alice)
    response = client.get(
        f"/collaborations/{collab.number}/communication/export.docx",
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 200
    doc = Document(BytesIO(response.content))
    headings = [cell.text for cell in doc.tables[0].rows[0].cells]
    assert headings == [
        "Topic",
        "Departments / people",
        "Channel",
        "Frequency / time",
        "Owner",
        "Output",
        "Notes",
    ]
    assert len(doc.tables) == 3
    assert len(doc.tables[2].rows) == 1 + 2  # 市场部 and 研发部 to confirm
