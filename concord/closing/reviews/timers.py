"""Timer handlers: the daily milestone check, the review reminders, overdue actions.

Both re-check their subject under lock through the service they call: a
collaboration no longer under way, or a review already published, makes
the timer moot.
"""

from concord.collaborations.models import Collaboration
from concord.timers.models import Timer
from concord.timers.registry import handler

from . import services
from .models import Measure, MilestoneReview


@handler(services.CHECK_TIMER)
def check(timer: Timer) -> None:
    collab = Collaboration.objects.filter(pk=timer.subject_id).first()
    if collab is not None:
        services.check_and_rearm(collab)


@handler(services.REMIND_TIMER)
def remind(timer: Timer) -> None:
    review = (
        MilestoneReview.objects.select_related("collaboration").filter(pk=timer.subject_id).first()
    )
    if review is not None:
        services.review_remind(review=review)


@handler(services.MEASURE_OVERDUE_TIMER)
def measure_overdue(timer: Timer) -> None:
    measure = Measure.objects.select_related("collaboration").filter(pk=timer.subject_id).first()
    if measure is not None:
        services.measure_overdue(measure=measure)
