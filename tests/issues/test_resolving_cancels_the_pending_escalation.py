"""Resolving, closing or re-dating an issue cancels its pending escalation timer."""

from datetime import timedelta
from typing import Any

from concord.activity.models import Event
from concord.issues import services
from concord.issues.models import IssueLevelPeriod, Outcome, Status
from concord.knowledge.models import SearchEntry
from concord.timers.models import Timer
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, raise_issue, run_timers


def pending(kind: str = "issues.escalate") -> list[Timer]:
    return list(Timer.objects.filter(kind=kind, state=Timer.State.PENDING))


def test_resolving_cancels_the_timer_and_the_issue_never_escalates(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
    assert len(pending()) == 1
    with at("2026-07-01 15:00"):
        services.issue_resolve(actor=proj.rob, issue=issue, resolution="扩容完成")
    assert pending() == []
    assert pending("issues.daily_update") == []
    with at("2026-07-10 10:00"):
        run_timers()
    issue = fresh(issue)
    assert issue.status == Status.RESOLVED
    assert issue.level == 1
    assert not Event.objects.filter(verb="issue.escalated").exists()
    assert IssueLevelPeriod.objects.get(issue=issue).outcome == Outcome.MET
    assert SearchEntry.objects.filter(kind="issue").exists()


def test_closing_confirms_the_resolution(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_resolve(actor=proj.rob, issue=issue, resolution="扩容完成")
        services.issue_close(actor=proj.leo, issue=issue)
    issue = fresh(issue)
    assert issue.status == Status.CLOSED
    assert issue.confirmed_by == proj.leo
    assert pending() == []


def test_re_dating_re_arms_the_timer_and_the_old_one_is_gone(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        new_due = issue.due_at + timedelta(days=3)
        services.issue_redate(actor=proj.leo, issue=issue, due_at=new_due, reason="等待供应商")
    timers = pending()
    assert len(timers) == 1
    assert timers[0].due_at == new_due
    assert timers[0].payload["version"] == fresh(issue).version
    with at("2026-07-02 10:30"):  # the original deadline has passed
        run_timers()
    assert fresh(issue).level == 1
    with at("2026-07-05 10:30"):
        run_timers()
    assert fresh(issue).level == 2


def test_a_stale_timer_does_nothing(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
    assert services.issue_escalate_due(issue_id=issue.pk, level=1, version=99) is None
    assert services.issue_escalate_due(issue_id=issue.pk, level=2, version=1) is None
    assert fresh(issue).level == 1


def test_reopening_restarts_the_clock(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_resolve(actor=proj.rob, issue=issue, resolution="扩容完成")
    with at("2026-07-01 12:00"):
        services.issue_reopen(actor=proj.leo, issue=issue, reason="仍然失败")
    issue = fresh(issue)
    assert issue.status == Status.IN_PROGRESS
    assert len(pending()) == 1
    assert len(pending("issues.daily_update")) == 1
