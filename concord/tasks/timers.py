"""Timer handlers: reminders, overdue warnings, nudges and the daily digest.

Each re-checks its subject through the service it calls: a task done or
re-dated since the timer was set makes the timer moot.
"""

from datetime import date

from concord.collaborations.models import Collaboration
from concord.timers.models import Timer
from concord.timers.registry import handler

from . import services
from .models import Task
from .schedule import DIGEST_TIMER, NUDGE_TIMER, OVERDUE_TIMER, REMIND_TIMER


def _task(timer: Timer) -> Task | None:
    return Task.objects.select_related("collaboration").filter(pk=timer.subject_id).first()


def _day(timer: Timer, key: str) -> date:
    return date.fromisoformat(timer.payload[key])


@handler(REMIND_TIMER)
def remind(timer: Timer) -> None:
    task = _task(timer)
    if task is not None:
        services.task_remind(task=task, due_on=_day(timer, "due_on"))


@handler(OVERDUE_TIMER)
def overdue(timer: Timer) -> None:
    task = _task(timer)
    if task is not None:
        services.task_warn_overdue(task=task, due_on=_day(timer, "due_on"))


@handler(NUDGE_TIMER)
def nudge(timer: Timer) -> None:
    collab = Collaboration.objects.filter(pk=timer.subject_id).first()
    if collab is not None:
        services.progress_nudge(collaboration=collab, day=_day(timer, "day"))


@handler(DIGEST_TIMER)
def digest(timer: Timer) -> None:
    collab = Collaboration.objects.filter(pk=timer.subject_id).first()
    if collab is not None:
        services.progress_digest_send(collaboration=collab, day=_day(timer, "day"))
