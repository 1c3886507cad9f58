"""Each kind of collaboration has its own archive checklist; the registered forms fill it."""

import pytest

from concord.closing.archive import checklist, selectors
from concord.knowledge.forms import forms_for


def test_a_project_needs_the_full_set_and_lists_the_rest_as_optional():
    entries = {e.doc_type: e.required for e in checklist.entries_for("project")}
    assert [k for k, required in entries.items() if required] == [
        "request",
        "plan",
        "comm_plan",
        "minutes",
        "progress",
        "issue_table",
        "acceptance",
        "review_report",
    ]
    assert entries["feedback"] is False
    assert "verification" not in entries  # problem collaborations only


def test_a_problem_collaboration_needs_its_verification_and_feedback():
    required = {e.doc_type for e in checklist.entries_for("problem") if e.required}
    assert {"verification", "feedback", "acceptance"} <= required
    assert "review_report" not in required


def test_a_coordination_is_light():
    required = [e.doc_type for e in checklist.entries_for("coordination") if e.required]
    assert required == ["request", "minutes", "feedback"]


@pytest.mark.parametrize(
    "doc_type",
    [
        "request",
        "plan",
        "comm_plan",
        "minutes",
        "progress",
        "issue_table",
        "acceptance",
        "review_report",
        "feedback",
        "retrospective",
    ],
)
def test_every_project_document_has_a_standard_form_that_generates_it(org, proj, doc_type):
    """The other apps register their forms with the checklist's keys (contract 1)."""
    keys = {spec.archive_doc for spec in forms_for(proj.collab)}
    assert doc_type in keys


def test_the_real_forms_fill_what_a_fresh_project_already_has(org, proj):
    found = selectors.checklist_of(proj.collab, proj.leo)
    status = {item.doc_type: item.status for item in found.items}
    # The request form and the effective plan exist from the start.
    assert status["request"] == "present"
    assert status["plan"] == "present"
    assert status["acceptance"] == "missing"
