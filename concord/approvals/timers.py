"""Timer handlers: an idle step reminds its approvers, then tells their superiors.

Both timers are scheduled when a step becomes active (`services._activate`)
and cancelled when it finishes; a handler still re-checks that the step is
active, since a decision may have committed after the sweep claimed it.
"""

from django.db import transaction

from concord.activity.services import event_record
from concord.timers.models import Timer
from concord.timers.registry import handler

from . import notify
from .models import FlowState, Step, StepState
from .services import ESCALATE_TIMER, REMIND_TIMER


def _active_step(timer: Timer) -> Step | None:
    step = (
        Step.objects.select_for_update()
        .select_related("flow__subject_type", "flow__started_by")
        .filter(pk=timer.subject_id)
        .first()
    )
    if step is None or step.state != StepState.ACTIVE or step.flow.state != FlowState.PENDING:
        return None
    return step


@handler(REMIND_TIMER)
@transaction.atomic
def remind(timer: Timer) -> None:
    step = _active_step(timer)
    if step is None:
        return  # moot: decided or withdrawn since
    event = event_record(
        actor=None,
        verb="approval.reminded",
        subject=step.flow,
        after={"step": step.position, "activated_at": step.activated_at},
        scope=step.flow.subject_object(),
    )
    notify.reminded(flow=step.flow, step=step, event=event)


@handler(ESCALATE_TIMER)
@transaction.atomic
def escalate(timer: Timer) -> None:
    step = _active_step(timer)
    if step is None:
        return
    event = event_record(
        actor=None,
        verb="approval.escalated",
        subject=step.flow,
        after={"step": step.position, "activated_at": step.activated_at},
        scope=step.flow.subject_object(),
    )
    notify.escalated(flow=step.flow, step=step, event=event)
