"""Escalating by hand with a reason; the handler brings it back a level."""

from typing import Any

import pytest

from concord.activity.models import Event
from concord.issues import services
from concord.issues.models import IssueLevelPeriod, Outcome, Status
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.timers.models import Timer
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, raise_issue


def test_the_owner_escalates_with_a_reason_and_the_lead_takes_over(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
    with at("2026-07-01 11:00"):
        services.issue_escalate(actor=proj.rob, issue=issue, reason="市场部与研发部无法达成共识")
    issue = fresh(issue)
    assert issue.level == 2
    assert issue.status == Status.ESCALATED
    assert issue.handler == proj.leo
    event = Event.objects.get(verb="issue.escalated")
    assert event.actor == proj.rob
    assert event.note == "市场部与研发部无法达成共识"
    first = IssueLevelPeriod.objects.get(issue=issue, level=1)
    assert first.outcome == Outcome.ESCALATED
    assert Notification.objects.filter(kind="issues.escalated", recipient=proj.leo).exists()
    timers = Timer.objects.filter(kind="issues.escalate", state="pending")
    assert [t.payload["level"] for t in timers] == [2]


def test_a_reason_is_required(org: Org, proj: Project) -> None:
    issue = raise_issue(org, proj)
    with pytest.raises(DomainError) as exc:
        services.issue_escalate(actor=proj.rob, issue=issue, reason="  ")
    assert "reason" in exc.value.details


def test_level_3_cannot_be_escalated_further(org: Org, proj: Project) -> None:
    issue = raise_issue(org, proj, level=3)
    with pytest.raises(DomainError) as exc:
        services.issue_escalate(actor=proj.rob, issue=issue, reason="再升级")
    assert exc.value.code == "conflict"


def test_the_handler_de_escalates_with_a_new_deadline(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
    with at("2026-07-01 14:00"):
        services.issue_deescalate(actor=proj.leo, issue=issue, reason="双方已沟通，回到当事人处理")
    issue = fresh(issue)
    assert issue.level == 1
    assert issue.handler == proj.rob
    assert issue.status == Status.IN_PROGRESS
    from django.utils import timezone

    assert timezone.localtime(issue.due_at).strftime("%m-%d %H:%M") == "07-02 14:00"
    assert Event.objects.filter(verb="issue.deescalated").count() == 1


def test_the_owner_cannot_de_escalate(org: Org, proj: Project) -> None:
    issue = raise_issue(org, proj)
    services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
    with pytest.raises(DomainError) as exc:
        services.issue_deescalate(actor=proj.rob, issue=issue, reason="x")
    assert exc.value.code == "forbidden"
