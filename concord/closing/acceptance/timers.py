"""Timer handlers: overdue verdicts, rework deadlines, missing feedback (re-checked under lock)."""

from concord.timers.models import Timer
from concord.timers.registry import handler

from . import services
from .models import Item, Submission, Verification


@handler(services.JUDGE_OVERDUE_TIMER)
def judging_overdue(timer: Timer) -> None:
    sub = Submission.objects.filter(pk=timer.subject_id).first()
    if sub is not None:
        services.judging_overdue(submission=sub)


def _rework(timer: Timer, overdue: bool) -> None:
    item = Item.objects.filter(pk=timer.subject_id).first()
    if item is not None:
        services.rework_remind(
            item=item, overdue=overdue, due_on=str(timer.payload.get("due_on", ""))
        )


@handler(services.REWORK_REMIND_TIMER)
def rework_remind(timer: Timer) -> None:
    _rework(timer, overdue=False)


@handler(services.REWORK_OVERDUE_TIMER)
def rework_overdue(timer: Timer) -> None:
    _rework(timer, overdue=True)


@handler(services.FEEDBACK_REMIND_TIMER)
def feedback_remind(timer: Timer) -> None:
    verification = Verification.objects.filter(pk=timer.subject_id).first()
    if verification is not None:
        services.feedback_remind(verification=verification)
