"""Escalation meetings (问题升级会) for level-2 and level-3 issues, through the meetings app.

`concord.meetings.services.meeting_schedule` (kind "escalation") writes the
meeting, its event and its invitations; the issue is its `source`, so the
issue page lists it.
"""

from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from concord.meetings.services import meeting_schedule

from . import access
from .models import Issue

User = Any


def default_attendees(issue: Issue) -> list[User]:
    """The handler, the owner, and the contacts (else heads) of the departments involved."""
    people: list[User] = [issue.handler, issue.owner]
    involved = set(issue.departments.values_list("pk", flat=True))
    for pd in issue.collaboration.departments.select_related("contact", "department__head"):
        if pd.department_id in involved:
            people.append(pd.contact or pd.department.head)
    seen: set[int] = set()
    out = []
    for user in people:
        if user is not None and user.is_active and user.pk not in seen:
            seen.add(user.pk)
            out.append(user)
    return out


def escalation_meeting_schedule(
    *,
    actor: User,
    issue: Issue,
    starts_at: datetime,
    duration_minutes: int,
    attendees: list[User],
    place: str = "",
) -> Any:
    """Schedule a meeting of kind escalation for the issue, hosted by its handler.

    The handler is also its decision maker: at level 2 the project lead
    coordinates, at level 3 the sponsor or VP decides.
    """
    if not access.can_schedule_meeting_now(actor, issue):
        raise access.forbidden()
    host = issue.handler
    people = list({u.pk: u for u in [host, *attendees]}.values())
    # Translators: 问题升级会
    title = _("Escalation meeting: %(issue)s") % {"issue": str(issue)}
    return meeting_schedule(
        actor=actor,
        collaboration=issue.collaboration,
        kind="escalation",
        title=title[:200],
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        host=host,
        note_taker=issue.owner if issue.owner_id != host.pk else actor,
        decision_maker=host,
        attendees=people,
        place=place,
        agenda=[
            {"title": str(issue), "presenter": issue.owner, "minutes": duration_minutes},
        ],
        source=issue,
    )
