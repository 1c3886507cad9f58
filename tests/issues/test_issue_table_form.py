"""《问题跟踪表》 is a standard form: xlsx, docx and pdf from live data, for the archive."""

from typing import Any

import pytest

from concord.issues import services
from concord.knowledge.forms import forms_for, get_form, render
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import raise_issue


def test_it_is_registered_for_the_archive(org: Org, proj: Project) -> None:
    spec = get_form("issues.table")
    assert spec.archive_doc == "issue_table"
    assert set(spec.formats) == {"xlsx", "docx", "pdf"}
    assert "issues.table" in [f.key for f in forms_for(proj.collab)]
    assert spec.builder(proj.collab, proj.leo) is None  # nothing yet


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf"])
def test_it_renders_with_updates_and_resolution(org: Org, proj: Project, at: Any, fmt: str) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_update_post(actor=proj.rob, issue=issue, body="已申请扩容")
        services.issue_resolve(actor=proj.rob, issue=issue, resolution="扩容完成")
        doc = get_form("issues.table").builder(proj.collab, proj.leo)
    assert doc is not None
    rows = doc.blocks[0].tables[0].rows
    assert rows[0][0] == "WT-01"
    assert "已申请扩容" in rows[0][8]
    assert rows[0][9] == "扩容完成"
    data = render(doc, fmt)
    assert len(data) > 1000


def test_an_executing_collaboration_without_issues_records_that_none_was_raised(
    org: Org, planned: Project
) -> None:
    planned.collab.refresh_from_db()
    assert planned.collab.state == "executing"
    doc = get_form("issues.table").builder(planned.collab, planned.leo)
    assert doc is not None
    assert doc.blocks[0].tables == []
    assert doc.blocks[0].paragraphs in (
        ["本协作未登记问题。"],
        ["No issue was raised in this collaboration."],
    )
    assert render(doc, "xlsx")
