"""The knowledge base names its kinds as the guides do: a meeting's decision is a
决议 (not an approval's 审批决定) and a review is a milestone review (里程碑复盘),
not an assessment (评审)."""

from django.test import Client
from django.utils import translation

from concord.knowledge.models import Kind
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


def test_a_decision_reads_as_a_meeting_decision_in_chinese() -> None:
    with translation.override("zh-hans"):
        assert str(Kind.DECISION.label) == "决议"
        assert str(Kind.REVIEW.label) != "评审"
    with translation.override("en"):
        assert str(Kind.REVIEW.label) == "Milestone review"


def test_the_search_page_shows_the_decision_label(org) -> None:
    collab = established(org)
    put(collab, "年度预算调整决议", "会议同意追加预算。", kind="decision")
    client = Client(headers={"accept-language": "zh-hans"})
    client.force_login(org.alice)
    page = client.get("/search/?q=预算").content.decode()
    assert "决议" in page
    assert "审批决定" not in page
