"""Minutes export as .docx and PDF in 表2's layout, named 「名称-日期-类型」; published minutes
and each decision go into the knowledge index; the collaboration-level form bundles them."""

import io
from datetime import date
from urllib.parse import unquote

from django.test import Client
from django.utils import translation
from docx import Document

from concord.knowledge import search
from concord.knowledge.forms import get_form
from concord.knowledge.models import SearchEntry
from concord.meetings import exports, services

from .helpers import meeting


def _minutes(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00", title="Q3推广协调会")
    with at("2026-07-03 15:10"):
        item = m.agenda.first()
        services.key_points_note(actor=proj.cara, item=item, text="明确推广目标")
        services.decision_add(actor=proj.cara, meeting=m, text="预算由市场部承担")
        services.decision_add(actor=proj.cara, meeting=m, text="九月一日启动", kind="consensus")
        services.disagreements_note(actor=proj.cara, meeting=m, text="投放渠道待定")
        services.action_add(
            actor=proj.cara,
            meeting=m,
            description="完成主视觉海报",
            owner=proj.rob,
            due_on=date(2026, 7, 15),
            deliverable="海报终稿",
        )
        services.minutes_publish(actor=proj.cara, meeting=m)
    return m


def test_the_docx_has_the_guides_layout_and_name(proj, at):
    m = _minutes(proj, at)
    client = Client()
    client.force_login(proj.rob)
    with at("2026-07-03 16:00"):
        response = client.get(f"{m.get_absolute_url()}minutes.docx")
    assert response.status_code == 200
    name = unquote(response["Content-Disposition"].split("filename*=UTF-8''")[1])
    assert name == f"{proj.collab.name}-2026-07-03-会议纪要.docx"
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    for words in (
        "沟通协调会议纪要",
        "会议主题",
        "主持人",
        "记录人",
        "共识事项",
        "待办事项",
        "预算由市场部承担",
        "完成主视觉海报",
        "海报终稿",
        "明确推广目标",
        "投放渠道待定",
    ):
        assert words in text, words


def test_the_pdf_renders_and_english_wording_is_chosen_by_language(proj, at):
    m = _minutes(proj, at)
    client = Client()
    client.force_login(proj.rob)
    response = client.get(f"{m.get_absolute_url()}minutes.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    with translation.override("en"):
        doc = exports.minutes_doc(m)
    assert doc.doc_type == "Meeting minutes"
    assert "Action items" in [b.heading for b in doc.blocks]


def test_the_collaboration_form_bundles_the_published_minutes(proj, at):
    spec = get_form("meetings.minutes")
    assert spec.archive_doc == "minutes"
    assert spec.build(proj.collab, proj.leo) is None
    _minutes(proj, at)
    doc = spec.build(proj.collab, proj.leo)
    assert doc is not None
    assert any("Q3推广协调会" in b.heading for b in doc.blocks)


def test_published_minutes_and_decisions_are_searchable(proj, at):
    m = _minutes(proj, at)
    kinds = sorted(
        SearchEntry.objects.filter(collaboration=proj.collab).values_list("kind", flat=True)
    )
    assert kinds == ["decision", "decision", "minutes"]
    results = search.search(proj.rob, "预算")
    assert any(h.entry.url.startswith(m.get_absolute_url()) for h in results.hits)
