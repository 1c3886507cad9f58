"""A key deliverable's task is done only after its review: moving it to done asks the
RACI Accountable party (the lead if none); approval makes it done; rejection sends it
back to in progress with the comment."""

import pytest

from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.tasks import services
from concord.tasks.models import ReviewState, Status
from tests.tasks.helpers import task


def test_it_requests_a_review_instead_of_finishing(org, proj, at):
    with at("2026-07-02 10:00"):
        t = task(org, proj, needs_review=True, deliverable="接口文档")
        services.task_move(actor=proj.rob, task=t, status=Status.IN_PROGRESS)
        t = services.task_move(actor=proj.rob, task=t, status=Status.DONE)
    assert t.status == Status.IN_PROGRESS
    assert t.review_state == ReviewState.REQUESTED
    # No RACI row: the lead reviews.
    assert t.reviewer == proj.leo
    assert Notification.objects.filter(recipient=proj.leo, kind="tasks.review_requested").exists()


def test_it_is_done_when_the_reviewer_approves(org, proj, at):
    with at("2026-07-02 10:00"):
        t = task(org, proj, needs_review=True)
        t = services.task_move(actor=proj.rob, task=t, status=Status.DONE)
        with pytest.raises(DomainError) as exc:
            services.task_review(actor=proj.rob, task=t, approve=True)
        assert exc.value.code == "forbidden"
        t = services.task_review(actor=proj.leo, task=t, approve=True)
    assert t.status == Status.DONE
    assert t.review_state == ReviewState.APPROVED
    assert t.done_at is not None


def test_it_goes_back_to_in_progress_with_the_comment_when_rejected(org, proj, at):
    with at("2026-07-02 10:00"):
        t = task(org, proj, needs_review=True)
        t = services.task_move(actor=proj.rob, task=t, status=Status.DONE)
        with pytest.raises(DomainError):
            services.task_review(actor=proj.leo, task=t, approve=False, comment="")
        t = services.task_review(actor=proj.leo, task=t, approve=False, comment="缺少错误码说明")
    assert t.status == Status.IN_PROGRESS
    assert t.review_state == ReviewState.REJECTED
    assert t.review_comment == "缺少错误码说明"
    assert Notification.objects.filter(recipient=proj.rob, kind="tasks.reviewed").exists()


def test_it_asks_the_accountable_party_of_the_wbs_row(org, planned, at):
    """The plan's RACI gives 市场部 the A on the WBS row: its head mark reviews."""
    proj = planned
    with at("2026-07-02 10:00"):
        created = services.tasks_from_plan(actor=proj.leo, collaboration=proj.collab)
        t = created[0]
        assert t.needs_review is False  # the WBS row has no deliverable
        services.task_update(actor=proj.leo, task=t, needs_review=True)
        t = services.task_move(actor=t.owner, task=t, status=Status.DONE)
    assert t.reviewer == org.mark


def test_a_task_without_review_is_done_at_once(org, proj, at):
    with at("2026-07-02 10:00"):
        t = services.task_move(actor=proj.rob, task=task(org, proj), status=Status.DONE)
    assert t.status == Status.DONE
    assert t.percent_done == 100
