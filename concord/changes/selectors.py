"""Reads of change notices and resource requests.

Callers have already fetched the collaboration through
`collaborations.access.collaboration_for`, so these read within it.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.lib.workcal import add_working_days, working_days_between

from .models import (
    ChangeAcknowledgement,
    ChangeNotice,
    NoticeState,
    ResourceRequest,
    ResourceState,
)

User = Any


def approved_resources(collaboration: Collaboration) -> QuerySet[ResourceRequest]:
    """Return the collaboration's approved resource requests, for the plan's resources section."""
    return (
        ResourceRequest.objects.filter(collaboration=collaboration, state=ResourceState.APPROVED)
        .select_related("collaboration", "requested_by__person")
        .order_by("kind", "period_from", "id")
    )


def notices_of(collaboration: Collaboration) -> QuerySet[ChangeNotice]:
    """Return the collaboration's notices with their acknowledgement counts, newest first."""
    return (
        ChangeNotice.objects.filter(collaboration=collaboration)
        .select_related("collaboration", "created_by__person", "issued_by__person")
        .annotate(
            ack_total=Count("acknowledgements"),
            ack_done=Count(
                "acknowledgements", filter=Q(acknowledgements__acknowledged_at__isnull=False)
            ),
        )
        .order_by("-created_at", "-id")
    )


def resources_of(collaboration: Collaboration) -> QuerySet[ResourceRequest]:
    return (
        ResourceRequest.objects.filter(collaboration=collaboration)
        .select_related("collaboration", "requested_by__person")
        .order_by("-created_at", "-id")
    )


def acknowledgements_of(notice: ChangeNotice) -> list[ChangeAcknowledgement]:
    return list(
        ChangeAcknowledgement.objects.filter(notice=notice)
        .select_related("user__person__department")
        .order_by("id")
    )


def ack_due_at(notice: ChangeNotice) -> Any:
    """Return when acknowledgements fall due, or None before the notice is issued."""
    if notice.issued_at is None:
        return None
    return add_working_days(notice.issued_at, settings.CONCORD_CHANGE_ACK_WORKING_DAYS)


@dataclass(frozen=True)
class Pending:
    user: User
    days_overdue: int


def who_has_not(notice: ChangeNotice, *, now: Any = None) -> list[Pending]:
    """Return who has not acknowledged, with the working days each is overdue (0: not yet)."""
    due = ack_due_at(notice)
    if due is None or notice.state != NoticeState.ISSUED:
        return []
    now = now or timezone.now()
    overdue = working_days_between(due, now) if now > due else 0
    return [
        Pending(ack.user, overdue)
        for ack in acknowledgements_of(notice)
        if ack.acknowledged_at is None
    ]


def my_acknowledgement(notice: ChangeNotice, user: User) -> ChangeAcknowledgement | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return ChangeAcknowledgement.objects.filter(notice=notice, user=user).first()


def awaiting_my_ack(user: User, collaboration: Collaboration) -> QuerySet[ChangeNotice]:
    """Return the issued notices of the collaboration that `user` has still to acknowledge."""
    if not getattr(user, "is_authenticated", False):
        return ChangeNotice.objects.none()
    return (
        ChangeNotice.objects.filter(
            collaboration=collaboration,
            state=NoticeState.ISSUED,
            acknowledgements__user=user,
            acknowledgements__acknowledged_at__isnull=True,
        )
        .select_related("collaboration")
        .order_by("-issued_at", "-id")
    )


def earliest_effective_on(issued_on: date) -> date:
    """Return the first date a change issued on `issued_on` should take effect.

    The impact assessment needs `CONCORD_CHANGE_IMPACT_LEAD_DAYS` working days.
    """
    start = timezone.make_aware(datetime.combine(issued_on, time.min))
    return add_working_days(start, settings.CONCORD_CHANGE_IMPACT_LEAD_DAYS).date()


def lead_time_short(notice: ChangeNotice) -> date | None:
    """Return the earliest advisable effective date if the notice's is sooner, else None."""
    issued = notice.issued_at or notice.created_at or timezone.now()
    earliest = earliest_effective_on(timezone.localtime(issued).date())
    return earliest if notice.effective_on < earliest else None
