"""A submitted request left idle reminds its approver after a working day, not a weekend day."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from concord.notifications.models import Notification
from concord.timers.sweep import sweep
from tests.collaborations.helpers import submitted
from tests.personas import Org

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _reminders(org: Org) -> int:
    return Notification.objects.filter(recipient=org.mark, kind="approvals.reminder").count()


def test_the_reminder_waits_for_the_next_working_day(org: Org) -> None:
    # Friday 2026-11-20 10:00: one working day later is Monday 10:00.
    with time_machine.travel(datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI), tick=False):
        submitted(org)
    with time_machine.travel(datetime(2026, 11, 22, 18, 0, tzinfo=SHANGHAI), tick=False):
        sweep()
    assert _reminders(org) == 0
    with time_machine.travel(datetime(2026, 11, 23, 10, 1, tzinfo=SHANGHAI), tick=False):
        sweep()
    assert _reminders(org) == 1
