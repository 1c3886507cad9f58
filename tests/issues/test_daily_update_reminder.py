"""The owner is reminded on working days to post a status update until the issue is resolved."""

from typing import Any

from concord.issues import services
from concord.notifications.models import Notification
from concord.timers.models import Timer
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import raise_issue, run_timers


def reminders(p: Project) -> int:
    return Notification.objects.filter(kind="issues.update_reminder", recipient=p.rob).count()


def test_reminded_at_17_00_on_working_days_unless_an_update_was_posted(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-03 10:00"):  # Friday
        issue = raise_issue(org, proj, level=3)
    with at("2026-07-03 17:01"):
        run_timers()
    assert reminders(proj) == 1
    with at("2026-07-04 17:01"):  # Saturday: nothing due
        run_timers()
    assert reminders(proj) == 1
    with at("2026-07-06 12:00"):  # Monday: an update is posted before 17:00
        services.issue_update_post(actor=proj.rob, issue=issue, body="已联系供应商")
    with at("2026-07-06 17:01"):
        run_timers()
    assert reminders(proj) == 1
    with at("2026-07-07 17:01"):
        run_timers()
    assert reminders(proj) == 2
    pending = Timer.objects.filter(kind="issues.daily_update", state="pending")
    assert pending.count() == 1


def test_no_reminder_once_resolved(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_resolve(actor=proj.rob, issue=issue, resolution="已解决")
    with at("2026-07-01 17:01"):
        run_timers()
    assert reminders(proj) == 0
