"""A notice that a change approval rule matches (the default: a budget increase of 100,000 or
more) waits for its approver; approved it is issued, sent back it returns to its author."""

from decimal import Decimal

import pytest

from concord.approvals.models import Decision
from concord.changes import services
from concord.changes.models import (
    ApproverRole,
    ChangeAcknowledgement,
    ChangeApprovalRule,
    NoticeState,
)
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from tests.changes.helpers import decide, established, issue
from tests.personas import Org

PURPOSE = services.NOTICE_PURPOSE


def test_a_small_change_is_issued_at_once(org: Org) -> None:
    notice = issue(org, established(org), budget_delta=Decimal("99999.99"))
    assert notice.state == NoticeState.ISSUED


def test_an_approved_notice_is_then_issued(org: Org) -> None:
    notice = issue(org, established(org), budget_delta=Decimal("150000"))
    assert notice.state == NoticeState.PENDING_APPROVAL
    assert not ChangeAcknowledgement.objects.filter(notice=notice).exists()
    decide(notice, PURPOSE, org.dora)
    notice.refresh_from_db()
    assert notice.state == NoticeState.ISSUED
    assert ChangeAcknowledgement.objects.filter(notice=notice).count() == 2
    assert Notification.objects.filter(kind="changes.notice_issued").count() == 2


def test_a_returned_notice_goes_back_with_the_feedback_and_can_be_resubmitted(org: Org) -> None:
    notice = issue(org, established(org), budget_delta=Decimal("150000"))
    decide(notice, PURPOSE, org.dora, Decision.RETURN, "请补充预算明细")
    notice.refresh_from_db()
    assert notice.state == NoticeState.DRAFT
    assert notice.feedback == "请补充预算明细"
    assert Notification.objects.filter(recipient=org.alice, kind="approvals.returned").exists()
    services.change_notice_revise(
        actor=org.alice,
        notice=notice,
        category="plan",
        title=notice.title,
        what=notice.what,
        why=notice.why,
        impact_budget="测试费用 8 万",
        effective_on=notice.effective_on,
        budget_delta=Decimal("80000"),
    )
    notice.refresh_from_db()
    assert notice.state == NoticeState.ISSUED


def test_a_rule_by_category_and_role(org: Org) -> None:
    ChangeApprovalRule.objects.create(
        name="需求变更由发起部门负责人审批",
        category="requirement",
        approver_role=ApproverRole.INITIATING_HEAD,
    )
    collab = established(org)
    assert issue(org, collab, category="plan").state == NoticeState.ISSUED
    notice = issue(org, collab, category="requirement")
    assert notice.state == NoticeState.PENDING_APPROVAL
    decide(notice, PURPOSE, org.mark)
    notice.refresh_from_db()
    assert notice.state == NoticeState.ISSUED


def test_a_sponsor_rule_without_a_sponsor_refuses(org: Org) -> None:
    ChangeApprovalRule.objects.create(name="s", approver_role=ApproverRole.SPONSOR)
    with pytest.raises(DomainError) as caught:
        issue(org, established(org))
    assert caught.value.code == "invalid"
