"""The forms page lists every form of the collaboration's kind; each downloads from live data
in every format it offers, in Chinese and in English, named 「名称-日期-类型」."""

from typing import Any
from urllib.parse import unquote

import pytest
import time_machine

from concord.knowledge.forms import forms_for
from tests.knowledge.forms_helpers import (
    DAY,
    STANDARD,
    docx_text,
    embeds_cjk_font,
    full,
    get,
    xlsx_text,
)
from tests.personas import Org

CASES = [(key, fmt) for key, formats in STANDARD.items() for fmt in formats]

# (key) -> (a Chinese word, an English word) of the form's own wording
WORDING = {
    "collaborations.request": (
        "跨部门协作需求申请表",
        "Cross-department collaboration request form",
    ),
    "collaborations.confirmation": ("需求确认单", "Requirement confirmation"),
    "planning.plan": ("跨部门协作计划书", "Cross-department collaboration plan"),
    "planning.charter": ("项目章程", "Project charter"),
    "planning.raci": ("部门协作职责分工表", "Department collaboration responsibility matrix"),
    "communication.plan": ("跨部门项目沟通计划表", "Cross-department project communication plan"),
    "changes.notices": ("变更通知", "Change notice"),
    "changes.resources": ("资源申请表", "Resource request form"),
    "tasks.progress": ("任务进度跟踪表", "Task progress tracking sheet"),
}
LIVE = {  # a value from the live data that the form must show
    "collaborations.request": "新品上市推广",
    "collaborations.confirmation": "马经理",
    "planning.plan": "接口开发",
    "planning.charter": "研发部",
    "planning.raci": "接口开发",
    "communication.plan": "市场部",
    "changes.notices": "上线日期推迟两周",
    "changes.resources": "测试设备租赁",
    "tasks.progress": "预算评审",
}


def test_the_page_lists_the_forms_with_links_per_format_and_language(org: Org) -> None:
    p = full(org)
    with time_machine.travel(DAY, tick=False):
        response = get(p.leo, f"/collaborations/{p.collab.number}/forms/")
    assert response.status_code == 200
    html = response.content.decode()
    for key, formats in STANDARD.items():
        assert f'data-key="{key}"' in html
        for fmt in formats:
            for lang in ("zh-hans", "en"):
                assert f"/collaborations/{p.collab.number}/forms/{key}.{fmt}?lang={lang}" in html
    assert {s.key for s in forms_for(p.collab)} >= set(STANDARD)


def test_a_form_with_nothing_yet_is_marked_and_answers_404(org: Org) -> None:
    from tests.collaborations.helpers import established

    collab = established(org)
    response = get(org.alice, f"/collaborations/{collab.number}/forms/")
    assert response.status_code == 200
    assert "nothing yet" in response.content.decode() or "暂无" in response.content.decode()
    assert (
        get(org.alice, f"/collaborations/{collab.number}/forms/tasks.progress.xlsx").status_code
        == 404
    )
    assert (
        get(
            org.alice, f"/collaborations/{collab.number}/forms/collaborations.request.docx"
        ).status_code
        == 200
    )


@pytest.mark.parametrize(("key", "fmt"), CASES)
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_each_form_downloads_from_live_data(org: Org, key: str, fmt: str, lang: str) -> None:
    p = full(org)
    with time_machine.travel("2026-07-02 10:00 +0800", tick=False):
        response = get(
            p.leo,
            f"/collaborations/{p.collab.number}/forms/{key}.{fmt}?lang={lang}",
            HTTP_ACCEPT_LANGUAGE="en" if lang == "zh-hans" else "zh-hans",  # the other language
        )
    assert response.status_code == 200, response.content[:300]
    name = unquote(response["Content-Disposition"].split("filename*=UTF-8''")[1])
    assert name.startswith("新品上市推广-2026-0")
    assert name.endswith(f".{fmt}")
    zh, en = WORDING[key]
    if fmt == "pdf":
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert embeds_cjk_font(response.content)
        return
    text = docx_text(response.content) if fmt == "docx" else xlsx_text(response.content)
    assert LIVE[key] in text
    if lang == "zh-hans":
        assert zh in text
    else:
        assert en in text
        assert zh not in text or key == "changes.notices"  # 变更通知 is not in its English text


def test_unknown_forms_and_formats_answer_404(org: Org) -> None:
    p = full(org)
    base = f"/collaborations/{p.collab.number}/forms/"
    assert get(p.leo, base + "nope.docx").status_code == 404
    assert get(p.leo, base + "collaborations.request.xlsx").status_code == 404
    assert get(p.leo, base + "tasks.progress.odt").status_code == 404


def test_a_hidden_collaboration_answers_404(org: Org) -> None:
    p = full(org)
    base = f"/collaborations/{p.collab.number}/forms/"
    assert get(org.oscar, base).status_code == 404
    assert get(org.oscar, base + "collaborations.request.docx").status_code == 404
    assert get(org.oscar, base + "tasks.progress.xlsx").status_code == 404


def test_the_collaboration_page_links_the_forms(org: Org) -> None:
    p = full(org)
    response = get(p.leo, p.collab.get_absolute_url())
    assert response.status_code == 200
    assert f"/collaborations/{p.collab.number}/forms/" in response.content.decode()


def test_a_pdf_failure_is_a_message_not_a_500(org: Org, monkeypatch: Any) -> None:
    from concord.knowledge import render_pdf
    from concord.lib.errors import DomainError

    def broken(doc: Any) -> bytes:
        raise DomainError("PDF export is not available on this server.", code="conflict")

    monkeypatch.setattr(render_pdf, "render_pdf", broken)
    p = full(org)
    response = get(p.leo, f"/collaborations/{p.collab.number}/forms/tasks.progress.pdf")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/collaborations/{p.collab.number}/forms/")
