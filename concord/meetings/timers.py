"""Timer handlers: the minutes' reminder and late warning, the confirm window, series.

Each re-checks its meeting through the service it calls: minutes published
or a meeting moved since the timer was set make the timer moot.
"""

from concord.timers.models import Timer
from concord.timers.registry import handler

from . import recurrence, services
from .models import Meeting, Series


def _meeting(timer: Timer) -> Meeting | None:
    return Meeting.objects.select_related("collaboration").filter(pk=timer.subject_id).first()


@handler(services.REMIND_TIMER)
def remind(timer: Timer) -> None:
    meeting = _meeting(timer)
    if meeting is not None:
        services.minutes_remind(meeting=meeting, due_at=str(timer.payload.get("due_at", "")))


@handler(services.LATE_TIMER)
def late(timer: Timer) -> None:
    meeting = _meeting(timer)
    if meeting is not None:
        services.minutes_warn_late(meeting=meeting, due_at=str(timer.payload.get("due_at", "")))


@handler(services.CONFIRM_TIMER)
def confirm_window(timer: Timer) -> None:
    meeting = _meeting(timer)
    if meeting is not None:
        services.confirm_window_close(
            meeting=meeting, revision=int(timer.payload.get("revision", 0))
        )


@handler(services.CONFIRM_REMIND_TIMER)
def confirm_remind(timer: Timer) -> None:
    meeting = _meeting(timer)
    if meeting is not None:
        services.confirm_remind(meeting=meeting, revision=int(timer.payload.get("revision", 0)))


@handler(recurrence.EXTEND_TIMER)
def extend(timer: Timer) -> None:
    series = Series.objects.select_related("collaboration").filter(pk=timer.subject_id).first()
    if series is not None:
        recurrence.series_extend(series=series)
