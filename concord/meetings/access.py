"""Who may see and do what with meetings.

Seeing follows the collaboration (`collaborations.access.collaboration_for`):
whoever sees a collaboration sees its meetings; `meeting_for` is how views
and the API get one, so a hidden and a missing meeting answer alike.

Doing (the collaboration must be under way for scheduling):
- anyone taking part in the collaboration (initiator, team, heads of the
  departments taking part, the PMO) schedules a meeting;
- the meeting's host, note-taker and whoever scheduled it, the project lead,
  the initiator and the PMO run it: change it, its agenda and materials,
  take the minutes and publish them;
- each attendee confirms the minutes or objects to them.
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations import lifecycle
from concord.collaborations.access import collaboration_for, roles_of
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo

from .models import Meeting


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def meeting_for(user: Any, ref: int | str, pk: int | str) -> Meeting:
    """Return meeting `pk` of collaboration `ref` if `user` may see it."""
    collab = collaboration_for(user, ref)
    text = str(pk).strip()
    if not text.isdigit() or len(text) > 18:
        raise not_found()
    meeting = (
        Meeting.objects.select_related(
            "host__person", "note_taker__person", "decision_maker__person", "series"
        )
        .filter(collaboration=collab, pk=int(text))
        .first()
    )
    if meeting is None:
        raise not_found()
    meeting.collaboration = collab
    return meeting


def require_under_way(collab: Collaboration) -> None:
    if collab.state not in lifecycle.ACTIVE:
        raise DomainError(
            _("This cannot be done while the collaboration is “%(state)s”.")
            % {"state": lifecycle.State(collab.state).label},
            code="conflict",
        )


def may_schedule(user: Any, collab: Collaboration) -> bool:
    """Anyone taking part in the collaboration; None is the system (e.g. an escalation)."""
    if user is None:
        return True
    if not _active(user):
        return False
    return bool(roles_of(user, collab) & {"initiator", "pmo", "team", "head"})


def may_run(user: Any, meeting: Meeting) -> bool:
    """Host, note-taker, scheduler, project lead, initiator or PMO."""
    if user is None:
        return True
    if not _active(user):
        return False
    if user.pk in (meeting.host_id, meeting.note_taker_id, meeting.scheduled_by_id):
        return True
    collab = meeting.collaboration
    if collab.initiator_id == user.pk or is_pmo(user):
        return True
    lead = lead_of(collab)
    return lead is not None and lead.pk == user.pk


def is_attendee(user: Any, meeting: Meeting) -> bool:
    if not _active(user):
        return False
    return meeting.attendees.filter(user=user).exists()
