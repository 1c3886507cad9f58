"""The RACI matrix downloads as .xlsx in the guide's layout, named 名称-日期-类型."""

from io import BytesIO
from urllib.parse import quote

import time_machine
from django.test import Client
from openpyxl import load_workbook

from tests.personas import Org
from tests.planning.helpers import collaboration, ready_plan


def _sheet(response):  # type: ignore[no-untyped-def]
    return load_workbook(BytesIO(response.content)).active


@time_machine.travel("2026-07-01 10:00 +0800", tick=False)
def test_it_exports_the_guide_columns_with_the_letters(org: Org) -> None:
    collab = collaboration(org)
    ready_plan(org, collab)
    client = Client()
    client.force_login(org.rita)
    response = client.get(f"/collaborations/{collab.number}/plan/raci.xlsx")
    assert response.status_code == 200
    name = "新品上市推广-2026-07-01-部门协作职责分工表.xlsx"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    sheet = _sheet(response)
    assert "部门协作职责分工表" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == [
        "任务/交付物",
        "负责部门(R)",
        "批准(A)",
        "咨询(C)",
        "知会(I)",
        "职责描述",
        "交付标准",
    ]
    assert [c.value for c in sheet[3]][:3] == ["1 接口开发", "研发部", "市场部"]
    assert sheet["A4"].value == "推广方案"
    assert [c.value for c in sheet[4]][6] == "含预算"


def test_it_speaks_english_to_an_english_reader(org: Org) -> None:
    collab = collaboration(org)
    ready_plan(org, collab)
    client = Client()
    client.force_login(org.rita)
    response = client.get(
        f"/collaborations/{collab.number}/plan/raci.xlsx", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert _sheet(response)["B2"].value == "Responsible (R)"
    assert "RACI.xlsx" in response["Content-Disposition"]
