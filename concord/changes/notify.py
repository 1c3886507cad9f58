"""Who hears about what in change notices and resource requests.

Every call runs inside the caller's service transaction. Approval outcomes
(approved, returned, rejected) reach the author through the approval
engine's own notifications; the lead also hears about approved resources.
"""

from typing import Any

from django.utils import timezone

from concord.activity.models import Event
from concord.collaborations.selectors import lead_of
from concord.notifications.services import notify

from . import kinds
from .models import ChangeAcknowledgement, ChangeNotice, ResourceRequest

User = Any


def name_of(user: User | None) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()


def _params(notice: ChangeNotice, actor: User | None) -> dict[str, Any]:
    issued = timezone.localtime(notice.issued_at) if notice.issued_at else None
    return {
        "number": notice.number,
        "title": notice.title,
        "collaboration": str(notice.collaboration),
        "effective_on": notice.effective_on.isoformat(),
        "issued_on": issued.date().isoformat() if issued else "",
        "actor": name_of(actor),
    }


def notice_issued(*, notice: ChangeNotice, actor: User, event: Event) -> None:
    recipients = [
        a.user for a in ChangeAcknowledgement.objects.filter(notice=notice).select_related("user")
    ]
    notify(
        recipients=recipients,
        kind=kinds.NOTICE_ISSUED,
        subject=notice,
        params=_params(notice, notice.created_by),
        url=notice.get_absolute_url(),
        actor=actor,
        event=event,
    )


def ack_reminder(*, notice: ChangeNotice, users: list[User], event: Event) -> None:
    notify(
        recipients=users,
        kind=kinds.ACK_REMINDER,
        subject=notice,
        params=_params(notice, None),
        url=notice.get_absolute_url(),
        event=event,
    )


def notice_withdrawn(*, notice: ChangeNotice, actor: User, event: Event) -> None:
    recipients = [
        a.user for a in ChangeAcknowledgement.objects.filter(notice=notice).select_related("user")
    ]
    notify(
        recipients=recipients,
        kind=kinds.NOTICE_WITHDRAWN,
        subject=notice,
        params=_params(notice, actor),
        url=notice.get_absolute_url(),
        actor=actor,
        event=event,
    )


def resource_approved(*, req: ResourceRequest, actor: User) -> None:
    lead = lead_of(req.collaboration)
    notify(
        recipients=[u for u in (lead, req.collaboration.initiator) if u is not None],
        kind=kinds.RESOURCE_APPROVED,
        subject=req,
        params={
            "collaboration": str(req.collaboration),
            "resource": f"{req.number} {req.description[:60]}",
            "requester": name_of(req.requested_by),
            "actor": name_of(actor),
        },
        url=req.get_absolute_url(),
        actor=actor,
    )
