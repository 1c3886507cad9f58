"""The three review forms are registered, empty until there is something to report."""

from typing import Any

from django.utils import translation

from concord.closing.reviews import services
from concord.knowledge.forms import get_form, render
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import due_review


def test_builders_follow_live_data(org: Org, proj: Project, at: Any) -> None:
    keys = ("reviews.milestone_report", "reviews.feedback_record", "reviews.retrospective")
    assert [get_form(k).builder(proj.collab, proj.leo) for k in keys] == [None, None, None]
    assert get_form("reviews.feedback_record").archive_doc == "feedback"
    due_review(org, proj)
    with at("2026-07-20 10:00"):
        retro = services.retrospective_start(actor=proj.leo, collaboration=proj.collab)
        services.retro_point_add(actor=proj.rob, retro=retro, kind="improve", text="审批流程可优化")
    with translation.override("en"):
        doc = get_form("reviews.milestone_report").builder(proj.collab, proj.leo)
        assert doc is not None
        assert doc.title == "Review report"
    with translation.override("zh-hans"):
        record = get_form("reviews.feedback_record").builder(proj.collab, proj.leo)
        assert record is not None
        assert record.title == "反馈与改进记录表"
        assert render(record, "xlsx")[:2] == b"PK"
