"""Timer handler: build an archive bundle, one step per firing (see bundle.py)."""

from django.db import transaction

from concord.timers.models import Timer
from concord.timers.registry import handler

from .bundle import BUILD_TIMER, bundle_step


@handler(BUILD_TIMER)
@transaction.atomic
def build(timer: Timer) -> None:
    # bundle_step re-checks under lock: a ready or failed bundle is moot.
    bundle_step(int(timer.subject_id), due_at=timer.due_at)
