"""The notice downloads as a formal .docx named 「名称-日期-类型」 with its contents."""

from datetime import datetime
from io import BytesIO
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client
from docx import Document

from tests.changes.helpers import established, issue
from tests.personas import Org


def test_it_exports_the_notice(org: Org) -> None:
    with time_machine.travel(datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))):
        notice = issue(org, established(org))
    client = Client()
    client.force_login(org.rita)
    response = client.get(f"{notice.get_absolute_url()}export.docx", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    assert unquote(response["Content-Disposition"]).endswith(
        "新品上市推广-2026-11-02-变更通知-BG-01.docx"
    )
    text = "\n".join(
        cell.text
        for table in Document(BytesIO(response.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "上线日期推迟两周" in text
    assert "研发测试发现关键缺陷" in text
    assert "研发部" in text


def test_an_outsider_cannot_export(org: Org) -> None:
    notice = issue(org, established(org))
    client = Client()
    client.force_login(org.oscar)
    assert client.get(f"{notice.get_absolute_url()}export.docx").status_code == 404
