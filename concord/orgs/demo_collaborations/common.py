"""What every sample collaboration needs: people, dates and the approvals they go through.

Everything is looked up in the demo organization (concord/orgs/demo_data.py)
by username or department code, and every write goes through the same
services the pages use.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from concord.approvals.models import Decision, FlowState, StepDecision, StepState
from concord.approvals.selectors import current_flow
from concord.approvals.services import flow_decide
from concord.collaborations import services as collab_services
from concord.collaborations.inputs import RequestInput
from concord.collaborations.models import Collaboration
from concord.lib import workcal
from concord.orgs.models import Department

User = Any


def user(username: str) -> User:
    return get_user_model().objects.select_related("person__department").get(username=username)


def dept(code: str) -> Department:
    return Department.objects.get(code=code)


def existing(name: str) -> Collaboration | None:
    """Return the sample of that name if an earlier run made it (the idempotency key)."""
    return Collaboration.objects.filter(name=name).first()


def today() -> date:
    return timezone.localdate()


def days(n: int) -> date:
    """Today plus `n` calendar days (negative: in the past)."""
    return today() + timedelta(days=n)


def working_days(n: int) -> date:
    """The `n`th working day from today, as a date."""
    return timezone.localdate(workcal.add_working_days(timezone.now(), n))


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def recent_start() -> datetime:
    """The start of a meeting already held: today at 09:30 once that is over an hour ago,
    else the previous working day at 14:00 (so its minutes may be published now)."""
    now = timezone.localtime()
    morning = at(now.date(), 9, 30)
    if workcal.is_working_day(now.date()) and now - morning >= timedelta(hours=1):
        return morning
    return at(workcal.previous_working_day(now.date()), 14)


def submit(actor: User, data: RequestInput) -> Collaboration:
    collab = collab_services.request_create(actor=actor, data=data)
    return collab_services.request_submit(actor=actor, collaboration=collab)


def approve_all(subject: models.Model, purpose: str, comments: dict[str, str] | None = None) -> int:
    """Approve every step of the subject's pending flow, each approver in turn; return how many.

    `comments` maps a username to what that approver writes.
    """
    comments = comments or {}
    decided = 0
    while True:
        flow = current_flow(subject, purpose)
        if flow is None or flow.state != FlowState.PENDING:
            return decided
        step = flow.steps.filter(state=StepState.ACTIVE).order_by("position").first()
        if step is None:
            return decided
        done = set(StepDecision.objects.filter(step=step).values_list("approver_id", flat=True))
        waiting = [a.user for a in step.approvers.exclude(user_id__in=done).select_related("user")]
        if not waiting:
            return decided
        # In an 或签 step the approver with something to say decides.
        who = next((u for u in waiting if u.get_username() in comments), waiting[0])
        flow_decide(
            actor=who,
            flow=flow,
            decision=Decision.APPROVE,
            comment=comments.get(who.get_username(), ""),
        )
        decided += 1


def established(actor: User, data: RequestInput, comments: dict[str, str] | None = None) -> Any:
    """Submit the request and approve it through its whole chain (立项)."""
    from concord.collaborations.outcomes import PURPOSE

    collab = submit(actor, data)
    approve_all(collab, PURPOSE, comments)
    collab.refresh_from_db()
    return collab
