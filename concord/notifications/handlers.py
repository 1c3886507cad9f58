"""Timer handlers of the notifications app."""

from concord.timers.models import Timer
from concord.timers.registry import handler

from .services import DELIVER_TIMER, delivery_attempt


@handler(DELIVER_TIMER)
def deliver(timer: Timer) -> None:
    """Send the delivery this timer is for; failures are recorded, never raised."""
    delivery_attempt(delivery_id=timer.subject_id)
