"""An issue not resolved in time escalates by itself 1→2→3, then is flagged to the PMO."""

from typing import Any

from django.utils import translation

from concord.activity.models import Event
from concord.issues import access
from concord.issues.models import IssueLevelPeriod, Outcome, Status
from concord.issues.services import AUTO_REASON
from concord.notifications.models import Notification
from concord.timers.models import Timer
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, raise_issue, run_timers


def local(issue_due: Any) -> str:
    from django.utils import timezone

    return timezone.localtime(issue_due).strftime("%Y-%m-%d %H:%M")


def test_level_1_becomes_level_2_after_24_clock_hours(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
    assert issue.level == 1
    assert issue.handler == proj.rob
    assert local(issue.due_at) == "2026-07-02 10:00"
    with at("2026-07-02 09:59"):
        run_timers()
    assert fresh(issue).level == 1
    with at("2026-07-02 10:01"):
        run_timers()
    issue = fresh(issue)
    assert issue.level == 2
    assert issue.status == Status.ESCALATED
    assert issue.handler == proj.leo  # the project lead coordinates level 2
    assert local(issue.due_at) == "2026-07-04 10:01"  # 48 clock hours
    event = Event.objects.filter(verb="issue.escalated").get()
    assert event.actor is None
    assert event.note == AUTO_REASON == "超时自动升级"
    notice = Notification.objects.get(kind="issues.auto_escalated", recipient=proj.leo)
    # The reason is the kind's own wording, so it reads in the recipient's language.
    with translation.override("en"):
        assert "not resolved within its level's time limit" in notice.body
        assert "超时" not in notice.body
    assert Notification.objects.filter(kind="issues.auto_escalated", recipient=proj.rob).exists()
    first = IssueLevelPeriod.objects.filter(issue=issue, level=1).get()
    assert first.outcome == Outcome.MISSED
    assert Timer.objects.filter(kind="issues.escalate", state="pending").count() == 1


def test_level_2_becomes_level_3_with_three_working_days(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
    with at("2026-07-02 10:00"):
        run_timers()
    with at("2026-07-04 10:00"):  # a Saturday: 48 clock hours ignore the calendar
        run_timers()
    issue = fresh(issue)
    assert issue.level == 3
    # 3 working days from Saturday 10:00: counted from Monday 09:00 → Thursday 09:00.
    assert local(issue.due_at) == "2026-07-09 09:00"
    assert issue.handler == org.victor  # no sponsor named: the VP over 市场部
    # The level-3 handler joined the team, so they can open the issue.
    assert access.issue_for(org.victor, proj.collab.ref, issue.number) == issue
    periods = list(IssueLevelPeriod.objects.filter(issue=issue).order_by("started_at"))
    assert [p.level for p in periods] == [1, 2, 3]
    assert all(p.automatic for p in periods[1:])


def test_level_3_past_its_limit_is_flagged_to_the_pmo_and_goes_no_further(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj, level=3)
    assert local(issue.due_at) == "2026-07-06 10:00"
    with at("2026-07-06 10:05"):
        run_timers()
    issue = fresh(issue)
    assert issue.level == 3
    assert issue.pmo_flagged_at is not None
    assert Notification.objects.filter(kind="issues.pmo_flagged", recipient=org.pam).exists()
    assert Event.objects.filter(verb="issue.flagged").count() == 1
    with at("2026-07-20 10:00"):
        run_timers()
    assert Event.objects.filter(verb="issue.flagged").count() == 1
    assert not Timer.objects.filter(kind="issues.escalate", state="pending").exists()
