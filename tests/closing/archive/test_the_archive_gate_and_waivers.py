"""A collaboration cannot close while a required document is missing; the PMO can waive one."""

import pytest

from concord.activity.models import Event
from concord.closing.archive import services
from concord.closing.archive.models import ArchiveBundle, Waiver
from concord.collaborations.lifecycle import State
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.timers.models import Timer

from .helpers import PROJECT_REQUIRED, all_present, upload


def test_closing_is_refused_naming_the_missing_documents(org, proj, forms):
    forms.add("test.request", "request")
    with pytest.raises(DomainError) as exc:
        services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    assert exc.value.code == "conflict"
    assert "会议纪要" in str(exc.value.message)  # minutes are required and missing
    assert "需求申请表" not in str(exc.value.message)  # the request form has content
    proj.collab.refresh_from_db()
    assert proj.collab.state == State.EXECUTING


def test_a_form_without_content_does_not_count_but_an_upload_does(org, proj, forms):
    all_present(forms)
    forms.add("test.minutes", "minutes", content=False)  # replaces: no minutes published
    with pytest.raises(DomainError, match="会议纪要"):
        services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    upload(proj.leo, proj.collab, "minutes", name="纪要.docx")
    services.collaboration_close(actor=proj.leo, collaboration=proj.collab)
    proj.collab.refresh_from_db()
    assert proj.collab.state == State.CLOSED


def test_the_pmo_waives_a_missing_document_with_a_reason_and_closing_goes_through(org, proj, forms):
    for doc_type in PROJECT_REQUIRED:
        if doc_type != "issue_table":
            forms.add(f"test.{doc_type}", doc_type)
    with pytest.raises(DomainError) as exc:
        services.archive_waive(
            actor=org.pam, collaboration=proj.collab, doc_type="issue_table", reason="  "
        )
    assert "reason" in exc.value.details
    waiver = services.archive_waive(
        actor=org.pam,
        collaboration=proj.collab,
        doc_type="issue_table",
        reason="本协作未产生问题",
    )
    assert Event.objects.filter(verb="archive_waiver.granted", subject_id=waiver.pk).exists()
    # The initiator and the lead are told.
    told = set(
        Notification.objects.filter(kind="archive.waived").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"alice", "leo"}

    services.collaboration_close(actor=org.alice, collaboration=proj.collab, note="资料齐全")
    proj.collab.refresh_from_db()
    assert proj.collab.state == State.CLOSED
    event = Event.objects.get(verb="collaboration.closed")
    assert event.before == {"state": "executing"}
    assert event.after["state"] == "closed"
    assert event.after["waived"] == ["issue_table"]
    assert event.note == "资料齐全"


def test_a_revoked_waiver_no_longer_opens_the_gate(org, proj, forms):
    for doc_type in PROJECT_REQUIRED:
        if doc_type != "progress":
            forms.add(f"test.{doc_type}", doc_type)
    waiver = services.archive_waive(
        actor=org.pam, collaboration=proj.collab, doc_type="progress", reason="无任务"
    )
    services.archive_waiver_revoke(actor=org.pam, waiver=waiver)
    waiver.refresh_from_db()
    assert waiver.revoked_at is not None
    with pytest.raises(DomainError, match="任务进度跟踪表"):
        services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    # A new waiver can be given after a revoked one; the old row is kept.
    services.archive_waive(
        actor=org.pam, collaboration=proj.collab, doc_type="progress", reason="再次豁免"
    )
    assert Waiver.objects.filter(collaboration=proj.collab).count() == 2


def test_only_required_documents_can_be_waived_and_only_once(org, proj, forms):
    with pytest.raises(DomainError) as exc:
        services.archive_waive(
            actor=org.pam, collaboration=proj.collab, doc_type="feedback", reason="x"
        )
    assert "doc_type" in exc.value.details
    services.archive_waive(actor=org.pam, collaboration=proj.collab, doc_type="plan", reason="x")
    with pytest.raises(DomainError) as exc:
        services.archive_waive(
            actor=org.pam, collaboration=proj.collab, doc_type="plan", reason="y"
        )
    assert exc.value.code == "conflict"


def test_closing_notifies_the_stakeholders_and_queues_the_final_bundle(org, proj, forms):
    all_present(forms)
    services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    told = set(
        Notification.objects.filter(kind="archive.closed").values_list(
            "recipient__username", flat=True
        )
    )
    assert {"leo", "rob", "cara", "rita"} <= told
    assert "alice" not in told  # the actor
    bundle = ArchiveBundle.objects.get(collaboration=proj.collab)
    assert bundle.final
    assert bundle.state == "queued"
    assert Timer.objects.filter(kind="archive.build", subject_id=bundle.pk).exists()


def test_a_closed_collaboration_cannot_be_closed_again_or_changed(org, proj, forms):
    all_present(forms)
    services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    with pytest.raises(DomainError) as exc:
        services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    assert exc.value.code == "conflict"
    with pytest.raises(DomainError) as exc:
        upload(org.alice, proj.collab, "minutes")
    assert exc.value.code == "forbidden"


def test_an_established_collaboration_without_an_effective_plan_cannot_close(org, forms):
    from tests.collaborations.helpers import established

    all_present(forms)
    collab = established(org)
    with pytest.raises(DomainError) as exc:
        services.collaboration_close(actor=org.alice, collaboration=collab)
    assert exc.value.code == "conflict"


def test_an_uploaded_acceptance_record_does_not_replace_the_acceptance_itself(org, proj, forms):
    for doc_type in PROJECT_REQUIRED:
        if doc_type != "acceptance":
            forms.add(f"test.{doc_type}", doc_type)
    forms.add("test.acceptance", "acceptance", content=False)  # not every deliverable passed
    upload(org.alice, proj.collab, "acceptance", name="签字版.pdf")
    with pytest.raises(DomainError, match="成果验收确认表"):
        services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    forms.add("test.acceptance", "acceptance")  # every deliverable passed
    services.collaboration_close(actor=org.alice, collaboration=proj.collab)
