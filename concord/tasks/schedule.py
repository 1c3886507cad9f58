"""When the tasks app's timers fire, on the working calendar.

Per task: a reminder to the owner `CONCORD_TASK_REMIND_WORKING_DAYS`
working days before the due date (at `CONCORD_TASK_REMIND_TIME`), and an
overdue warning at the start of the first working day after the due date.
A due date on a holiday counts back from the holiday: a task due on Thursday
2026-10-08, right after the National Day holiday, is reminded on Wednesday
2026-09-30. Re-dating a task re-arms both; finishing it cancels them.

Per collaboration: one nudge timer (at `CONCORD_PROGRESS_NUDGE_TIME`) and one
digest timer (at `CONCORD_PROGRESS_DIGEST_TIME`) on the next working day;
their handlers arm the next day's.

These helpers run inside the calling service's transaction; the service's
event records why.
"""

from datetime import date, datetime, time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.lib import workcal
from concord.timers.models import Timer
from concord.timers.services import timer_cancel, timer_schedule

from .models import Task

REMIND_TIMER = "tasks.remind"
OVERDUE_TIMER = "tasks.overdue"
NUDGE_TIMER = "tasks.nudge"
DIGEST_TIMER = "tasks.digest"


def _at(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at), timezone.get_current_timezone())


def remind_day(due_on: date) -> date:
    """Return the working day the owner is reminded of a task due on `due_on`."""
    day = due_on
    for _i in range(max(settings.CONCORD_TASK_REMIND_WORKING_DAYS, 0)):
        day = workcal.previous_working_day(day)
    return day


def remind_at(due_on: date) -> datetime:
    return _at(remind_day(due_on), settings.CONCORD_TASK_REMIND_TIME)


def overdue_at(due_on: date) -> datetime:
    """Return when a task due on `due_on` is overdue: the next working day's start."""
    return _at(workcal.next_working_day(due_on), settings.CONCORD_WORKDAY_START)


def arm_deadlines(task: Task) -> None:
    """Cancel the task's reminder and overdue timers and set them again for its due date."""
    timer_cancel(subject=task, kind=REMIND_TIMER)
    timer_cancel(subject=task, kind=OVERDUE_TIMER)
    if task.due_on is None or not task.is_open:
        return
    payload = {"due_on": task.due_on.isoformat()}
    reminder = remind_at(task.due_on)
    if reminder > timezone.now():
        timer_schedule(kind=REMIND_TIMER, subject=task, due_at=reminder, payload=payload)
    timer_schedule(
        kind=OVERDUE_TIMER, subject=task, due_at=overdue_at(task.due_on), payload=payload
    )


def cancel_deadlines(task: Task) -> None:
    timer_cancel(subject=task, kind=REMIND_TIMER)
    timer_cancel(subject=task, kind=OVERDUE_TIMER)


def next_daily(at: time, after: datetime | None = None) -> datetime:
    """Return the first instant at time-of-day `at` on a working day after `after` (now)."""
    after = after or timezone.now()
    today = timezone.localtime(after).date()
    if workcal.is_working_day(today) and _at(today, at) > after:
        return _at(today, at)
    return _at(workcal.next_working_day(today), at)


def arm_daily(collab: Collaboration, *, after: datetime | None = None) -> None:
    """Make sure the collaboration has one pending nudge and one pending digest timer."""
    pending = set(
        Timer.objects.filter(
            subject_type=ContentType.objects.get_for_model(Collaboration),
            subject_id=collab.pk,
            state=Timer.State.PENDING,
            kind__in=[NUDGE_TIMER, DIGEST_TIMER],
        ).values_list("kind", flat=True)
    )
    for kind, at in (
        (NUDGE_TIMER, settings.CONCORD_PROGRESS_NUDGE_TIME),
        (DIGEST_TIMER, settings.CONCORD_PROGRESS_DIGEST_TIME),
    ):
        if kind not in pending:
            due = next_daily(at, after)
            timer_schedule(
                kind=kind,
                subject=collab,
                due_at=due,
                payload={"day": timezone.localtime(due).date().isoformat()},
            )
