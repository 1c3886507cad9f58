"""Who hears about what in an approval; called from the services and the timers.

Every call runs inside the caller's transaction (see
`concord.notifications.services.notify`). The step's approvers are told
through today's deputy when they have delegated.
"""

from typing import Any

from django.utils import timezone

from concord.activity.models import Event
from concord.notifications.services import notify
from concord.orgs.selectors import effective_approver, superior_of

from . import kinds
from .models import Decision, Flow, FlowState, Step, StepApprover, StepDecision

User = Any


def _name(user: User | None) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()


def subject_url(flow: Flow) -> str:
    subject = flow.subject_object()
    get_url = getattr(subject, "get_absolute_url", None)
    return str(get_url()) if callable(get_url) else ""


def _undecided(step: Step) -> list[User]:
    decided = StepDecision.objects.filter(step=step).values_list("approver_id", flat=True)
    return [
        a.user
        for a in StepApprover.objects.filter(step=step)
        .exclude(user_id__in=decided)
        .select_related("user__person")
    ]


def _deputies(approvers: list[User]) -> list[User]:
    today = timezone.localdate()
    return [effective_approver(user, today)[0] for user in approvers]


def _since(step: Step) -> str:
    when = timezone.localtime(step.activated_at) if step.activated_at else timezone.localtime()
    return when.strftime("%Y-%m-%d %H:%M")


def step_requested(*, flow: Flow, step: Step, actor: User, event: Event) -> None:
    notify(
        recipients=_deputies(_undecided(step)),
        kind=kinds.REQUESTED,
        subject=flow,
        params={
            "subject": flow.subject_repr,
            "position": step.position,
            "round": flow.round,
            "starter": _name(flow.started_by),
        },
        url=subject_url(flow),
        actor=actor,
        event=event,
    )


def decided(*, flow: Flow, step: Step, decision: str, actor: User, event: Event) -> None:
    if flow.state == FlowState.PENDING:
        kind = kinds.STEP_APPROVED
    else:
        kind = {
            FlowState.APPROVED: kinds.APPROVED,
            FlowState.RETURNED: kinds.RETURNED,
            FlowState.REJECTED: kinds.REJECTED,
        }[FlowState(flow.state)]
    assert decision in Decision.values
    comment = event.after.get("comment", "")
    notify(
        recipients=[flow.started_by],
        kind=kind,
        subject=flow,
        params={
            "subject": flow.subject_repr,
            "position": step.position,
            "round": flow.round,
            "actor": _name(actor),
            "comment": comment,
        },
        url=subject_url(flow),
        actor=actor,
        event=event,
    )


def reminded(*, flow: Flow, step: Step, event: Event) -> int:
    rows = notify(
        recipients=_deputies(_undecided(step)),
        kind=kinds.REMINDER,
        subject=flow,
        params={"subject": flow.subject_repr, "position": step.position, "since": _since(step)},
        url=subject_url(flow),
        event=event,
    )
    return len(rows)


def escalated(*, flow: Flow, step: Step, event: Event) -> int:
    count = 0
    for approver in _undecided(step):
        superior = superior_of(approver)
        if superior is None:
            continue
        rows = notify(
            recipients=[superior],
            kind=kinds.ESCALATED,
            subject=flow,
            params={
                "subject": flow.subject_repr,
                "approver": _name(approver),
                "position": step.position,
                "since": _since(step),
            },
            url=subject_url(flow),
            event=event,
        )
        count += len(rows)
    return count
