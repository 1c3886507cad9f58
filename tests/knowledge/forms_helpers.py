"""A collaboration with something in every standard form of the existing apps.

`full(org)` is the tasks helpers' project (lead leo, rob and cara in 研发部)
with an effective plan, a confirmed communication plan, two tasks, an
issued change notice and a submitted resource request — all made through
the services, on 2026-07-01 (Asia/Shanghai).
"""

from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Any

import time_machine

from concord.changes import services as change_services
from concord.communication import services as comm_services
from tests.changes.helpers import issue
from tests.personas import Org
from tests.tasks.helpers import Project, project, task

DAY = "2026-07-01 10:00 +0800"

# every form registered by the existing apps, with its formats
STANDARD = {
    "collaborations.request": ("docx", "pdf"),
    "collaborations.confirmation": ("docx", "pdf"),
    "planning.plan": ("docx", "pdf", "xlsx"),
    "planning.charter": ("docx", "pdf"),
    "planning.raci": ("xlsx", "docx", "pdf"),
    "communication.plan": ("docx", "pdf", "xlsx"),
    "changes.notices": ("docx", "pdf"),
    "changes.resources": ("docx", "pdf", "xlsx"),
    "tasks.progress": ("xlsx", "docx", "pdf"),
}


def full(org: Org) -> Project:
    with time_machine.travel(DAY, tick=False):
        p = project(org, with_plan=True)
        comm_services.comm_plan_create(actor=org.alice, collaboration=p.collab)
        task(org, p, title="接口开发")
        task(org, p, title="预算评审", due_on=date(2026, 7, 20))
        issue(org, p.collab, effective_on=date(2026, 8, 3))
        change_services.resource_request_create(
            actor=org.alice,
            collaboration=p.collab,
            kind="budget",
            description="测试设备租赁",
            amount=Decimal("20000.00"),
            justification="新品性能测试需要额外设备",
            period_from=date(2026, 7, 6),
            period_to=date(2026, 7, 31),
            submit=True,
        )
    return p


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(content))
    return "\n".join(
        str(v) for s in book.worksheets for row in s.iter_rows(values_only=True) for v in row if v
    )


def pdf_objects(content: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated (fonts live in object streams).

    Streams are cut by their /Length, not by searching for "endstream": compressed
    bytes can contain that word, or "stream", anywhere.
    """
    import re
    import zlib

    out = [content]
    for match in re.finditer(rb"/Length (\d+)[^>]*>>\s*stream\r?\n", content):
        body = content[match.end() : match.end() + int(match.group(1))]
        try:
            out.append(zlib.decompress(body))
        except zlib.error:
            continue
    return b"".join(out)


def embeds_cjk_font(content: bytes) -> bool:
    data = pdf_objects(content)
    names = (b"Noto-Sans-CJK", b"NotoSansCJK", b"Noto-Serif-CJK", b"NotoSerifCJK")
    return b"/FontFile" in data and any(n in data for n in names)


def get(user: Any, url: str, **headers: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.get(url, **headers)
