"""Uploads are renamed 「项目名称-日期-类型」; re-uploads keep the old version; text is indexed."""

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType

from concord.activity.models import Event
from concord.closing.archive.models import Document
from concord.knowledge.models import SearchEntry
from concord.lib.errors import DomainError

from .helpers import docx_bytes, upload


def _entry(doc: Document) -> SearchEntry | None:
    return SearchEntry.objects.filter(
        source_type=ContentType.objects.get_for_model(Document), source_id=doc.pk
    ).first()


def test_a_checklist_document_is_named_after_the_collaboration_the_day_and_its_type(org, proj):
    with time_machine.travel("2026-11-20 15:00 +0800", tick=False):
        doc = upload(proj.leo, proj.collab, "minutes", name="meeting notes.DOCX", content=b"x")
    assert doc.name == "新品上市推广-2026-11-20-会议纪要.docx"
    assert doc.original_name == "meeting notes.DOCX"
    assert doc.version == 1
    assert doc.current
    assert Event.objects.filter(verb="archive_document.uploaded", subject_id=doc.pk).exists()


def test_an_other_document_takes_its_title_as_the_type_and_needs_one(org, proj):
    with pytest.raises(DomainError) as exc:
        upload(org.alice, proj.collab, "other", name="chat.txt")
    assert "title" in exc.value.details
    with time_machine.travel("2026-11-20 15:00 +0800", tick=False):
        doc = upload(org.alice, proj.collab, "other", name="chat.txt", title="沟通记录/邮件")
    # Characters that are illegal in file names are dropped.
    assert doc.name == "新品上市推广-2026-11-20-沟通记录 邮件.txt"


def test_an_unknown_type_or_an_empty_file_is_refused(org, proj):
    with pytest.raises(DomainError) as exc:
        upload(org.alice, proj.collab, "verification")  # problem collaborations only
    assert "doc_type" in exc.value.details
    with pytest.raises(DomainError) as exc:
        upload(org.alice, proj.collab, "minutes", content=b"")
    assert "file" in exc.value.details


def test_a_re_upload_adds_a_version_and_keeps_the_old_one(org, proj):
    first = upload(proj.leo, proj.collab, "minutes", name="v1.txt", content=b"one")
    second = upload(proj.leo, proj.collab, "minutes", name="v2.txt", content=b"two")
    first.refresh_from_db()
    assert (first.version, first.current) == (1, False)
    assert (second.version, second.current) == (2, True)
    assert first.file.read() == b"one"
    assert Document.objects.filter(collaboration=proj.collab).count() == 2
    # Only the current version is in the search index.
    assert _entry(first) is None
    assert _entry(second) is not None


def test_the_text_of_a_word_document_is_indexed_for_search(org, proj):
    doc = upload(
        proj.leo,
        proj.collab,
        "review_report",
        name="复盘.docx",
        content=docx_bytes("本阶段预算超支百分之十"),
    )
    entry = _entry(doc)
    assert entry is not None
    assert entry.kind == "document"
    assert entry.collaboration_id == proj.collab.pk
    assert "预算超支" in entry.body
    assert entry.title == doc.name
