"""Timer handlers of the notifications app."""

from concord.timers.models import Timer
from concord.timers.registry import handler

from .services import DELIVER_TIMER, delivery_attempt


@handler(DELIVER_TIMER)
def deliver(timer: Timer) -> None:
    """Claim the delivery this timer is for; it is sent after the sweep commits.

    Sending failures are recorded, never raised (see `delivery_attempt`).
    """
    delivery_attempt(delivery_id=timer.subject_id)
