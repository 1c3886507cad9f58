"""Timer handlers of the issue log: automatic escalation and the daily update reminder.

Both re-check the issue under its row lock through the service they call:
a timer armed for an earlier level or version, or for an issue since
resolved or closed, does nothing.
"""

from concord.timers.models import Timer
from concord.timers.registry import handler

from . import services


@handler(services.ESCALATE_TIMER)
def escalate(timer: Timer) -> None:
    payload = timer.payload or {}
    services.issue_escalate_due(
        issue_id=timer.subject_id,
        level=int(payload.get("level", 0)),
        version=int(payload.get("version", 0)),
    )


@handler(services.DAILY_TIMER)
def daily_update(timer: Timer) -> None:
    services.issue_daily_remind(issue_id=timer.subject_id)
