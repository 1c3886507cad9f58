"""Timer handler: remind the stakeholders who have not acknowledged a change notice."""

from django.db import transaction

from concord.timers.models import Timer
from concord.timers.registry import handler

from .models import ChangeNotice
from .services import ACK_REMIND_TIMER, notice_remind


@handler(ACK_REMIND_TIMER)
@transaction.atomic
def remind(timer: Timer) -> None:
    notice = (
        ChangeNotice.objects.select_related("collaboration").filter(pk=timer.subject_id).first()
    )
    if notice is None:
        return
    # notice_remind re-checks under lock: withdrawn or fully acknowledged is moot.
    notice_remind(notice=notice)
