"""The acceptance forms: registered for the archive, final only when acceptance is done."""

from django.utils import translation

from concord.closing.acceptance import documents, services
from concord.closing.acceptance.models import Verdict
from concord.knowledge.forms import form_for_archive_doc, forms_for, get_form, render
from tests.closing.helpers import all_accepted, all_feedback, judge, problem, submit


def test_the_record_counts_for_the_archive_only_once_everything_passed(org, acc, at):
    spec = get_form("acceptance.record")
    assert form_for_archive_doc("acceptance") is spec
    with at("2026-07-01 10:00"):
        sub = submit(org, acc)
        assert spec.build(acc.collab) is None
        assert documents.record_doc(acc.collab, final_only=False) is not None
        judge(sub, acc.leo, Verdict.PASS, "符合")
        doc = spec.build(acc.collab)
    assert doc is not None
    assert doc.title == "成果验收确认表"
    assert doc.filename("docx").startswith("新品上市推广-2026-07-01-成果验收确认表")
    (rows,) = [t.rows for t in doc.tables() if len(t.columns) == 10]
    assert rows[0][5] == "通过"
    assert render(doc, "xlsx")[:2] == b"PK"


def test_all_accepted_helper_and_the_english_record(org, at):
    with at("2026-07-01 10:00"):
        p = all_accepted(org)
        with translation.override("en"):
            doc = get_form("acceptance.record").build(p.collab)
            assert doc is not None
            assert doc.title == "Deliverable acceptance record"
            selfcheck = get_form("acceptance.selfcheck").build(p.collab)
            assert selfcheck is not None
            assert selfcheck.tables()[0].rows[0][1:3] == ["含预算", "Met"]


def test_the_verification_report_is_for_problems_and_final_once_resolved(org, acc, at):
    assert "acceptance.verification" not in [s.key for s in forms_for(acc.collab)]
    with at("2026-07-01 10:00"):
        prob = problem(org)
        assert "acceptance.verification" in [s.key for s in forms_for(prob)]
        v = services.verification_start(actor=org.alice, collaboration=prob)
        all_feedback(org, v)
        assert get_form("acceptance.verification").build(prob) is None
        services.verification_decide(
            actor=org.alice, verification=v, outcome="resolved", observed="准时提交"
        )
        doc = get_form("acceptance.verification").build(prob)
    assert doc is not None
    assert form_for_archive_doc("verification") is get_form("acceptance.verification")
