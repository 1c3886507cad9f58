"""The request form downloads as .docx laid out like the guide's table, in either language."""

from datetime import date
from io import BytesIO
from typing import Any
from urllib.parse import quote

import time_machine
from docx import Document

from concord.collaborations.inputs import DatedRow
from tests.collaborations.helpers import submitted
from tests.personas import Org


def _table(content: bytes) -> tuple[str, dict[str, str]]:
    document = Document(BytesIO(content))
    title = document.paragraphs[0].text
    rows = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    return title, rows


@time_machine.travel("2026-11-21 10:00 +0800", tick=False)
def test_it_exports_the_chinese_form(org: Org, client: Any) -> None:
    collab = submitted(org)
    client.force_login(org.alice)
    response = client.get(
        f"/collaborations/{collab.number}/export.docx", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 200
    name = "新品上市推广-2026-11-21-需求申请表.docx"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    title, rows = _table(response.content)
    assert title == "跨部门协作需求申请表"
    assert rows["需求编号"] == collab.number
    assert rows["项目名称"] == "新品上市推广"
    assert rows["发起部门"] == "市场部"
    assert rows["发起人/联系方式"].startswith("艾丽")
    assert rows["需求背景与目的"].startswith("为提升产品市场占有率")
    assert rows["建议参与部门及人员"] == "研发部"
    assert "上线: 2026-09-01" in rows["时间计划与关键节点"]
    assert rows["资源预估(人力/预算/设备)"] == "6 人 / ¥200,000.00 / 展台一套"
    assert rows["重要程度"] == "一般"


@time_machine.travel("2026-11-21 10:00 +0800", tick=False)
def test_it_exports_the_english_form_with_kind_rows(org: Org, api: Any) -> None:
    collab = submitted(
        org,
        kind="coordination",
        core_problems=[DatedRow("提供参数说明书", date(2026, 8, 10))],
        prior_communication="已电话沟通",
    )
    response = api(
        "alice",
        "get",
        f"/collaborations/{collab.number}/export.docx",
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 200
    assert quote("新品上市推广-2026-11-21-Request form.docx") in response["Content-Disposition"]
    title, rows = _table(response.content)
    assert title == "Cross-department coordination request"
    assert rows["Project name"] == "新品上市推广"
    assert rows["Core problems to solve"] == "1. 提供参数说明书(due 2026-08-10)"
    assert rows["Prior communication status"] == "已电话沟通"
    assert rows["Importance"] == "Normal"


def test_a_problem_request_carries_its_definition(org: Org, client: Any) -> None:
    collab = submitted(
        org,
        kind="problem",
        phenomenon="数据提交延迟",
        root_cause="流程未明确截止时间",
        impact="报表延误2天",
        attributed_departments=[org.rnd],
    )
    client.force_login(org.pam)
    _title, rows = _table(client.get(f"/collaborations/{collab.number}/export.docx").content)
    assert rows["问题现象"] == "数据提交延迟"
    assert rows["问题本质(初步判断)"] == "流程未明确截止时间"
    assert rows["影响范围(量化)"] == "报表延误2天"
    assert rows["初步归因部门"] == "研发部"
