"""《需求确认单》 records who confirmed the request: every round, step and decision,
with comments, and who is still to decide — from the request's approval flow."""

from django.utils import translation

from concord.approvals.models import Decision
from concord.collaborations import services as collab_services
from concord.knowledge.forms import build_file, get_form
from tests.collaborations.helpers import decide, draft, submitted
from tests.knowledge.forms_helpers import docx_text
from tests.personas import Org


def test_a_draft_has_no_confirmation_yet(org: Org) -> None:
    collab = draft(org)
    assert build_file(collab, org.alice, "collaborations.confirmation", "docx") is None


def test_a_returned_and_resubmitted_request_shows_both_rounds(org: Org) -> None:
    collab = submitted(org)
    decide(collab, org.mark, Decision.RETURN, comment="请补充预算")
    collab_services.request_submit(actor=org.alice, collaboration=collab)

    with translation.override("zh-hans"):
        doc = get_form("collaborations.confirmation").build(collab, org.alice)
    assert doc is not None
    rows = doc.tables()[0].rows
    assert [row[0] for row in rows] == ["1", "2"]
    assert rows[0][2:4] == ["马经理", "退回"]
    assert rows[0][5] == "请补充预算"
    assert rows[1][3] == "待确认"
    assert {f.label: f.value for f in doc.fields}["确认结论"] == "确认中"

    decide(collab, org.mark)
    result = build_file(collab, org.alice, "collaborations.confirmation", "docx", "en")
    assert result is not None
    name, content = result
    assert name.endswith("-Requirement confirmation.docx")
    text = docx_text(content)
    assert "Confirmed" in text
    assert "Pending" not in text
