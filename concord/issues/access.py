"""Who may do what with issues (问题跟踪).

Seeing follows the collaboration: whoever may see it sees its issues
(`issue_for` answers not_found for a hidden collaboration, like a missing
issue). Doing, while the collaboration is under way (established or
executing):

| action                          | who                                                    |
|---------------------------------|--------------------------------------------------------|
| raise                           | the initiator, the team (the lead included), heads of  |
|                                 | participating departments, the PMO                     |
| edit, post a status update      | the owner, the current handler, the lead, the PMO      |
| re-date                         | the lead, the PMO, the handler above level 1           |
| raise with a deadline later     | the lead, the PMO                                      |
| than the level's time limit     |                                                        |
| escalate by hand (not past 3)   | the owner, the current handler, the lead, the PMO      |
| de-escalate (back one level)    | the current handler, the PMO                           |
| resolve                         | the owner, the current handler                         |
| confirm and close, or reopen    | the raiser, the lead, the current handler — not the    |
|                                 | one who resolved it (unless the lead)                  |
| schedule an escalation meeting  | whoever may escalate                                   |

"The lead" is the project lead, or the initiator while no lead is named.
The parties of a level-1 issue (its owner and handler) may not move their
own deadline: that would switch off the automatic escalation the guides
rely on, so a later deadline is for whoever coordinates above them.
Resolved and closed issues take no edits, updates or escalations.
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations import lifecycle
from concord.collaborations.access import collaboration_for, roles_of
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo

from .models import ACTIVE, Issue, Status

User = Any


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def is_under_way(collab: Collaboration) -> bool:
    return collab.state in lifecycle.ACTIVE


def require_under_way(collab: Collaboration) -> None:
    if not is_under_way(collab):
        raise DomainError(
            _("This cannot be done while the collaboration is “%(state)s”.")
            % {"state": lifecycle.State(collab.state).label},
            code="conflict",
        )


def _active_user(user: User) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _pmo(user: User) -> bool:
    return _active_user(user) and is_pmo(user)


def is_lead(user: User, collab: Collaboration) -> bool:
    if not _active_user(user):
        return False
    lead = lead_of(collab)
    if lead is not None:
        return bool(lead.pk == user.pk)
    return bool(collab.initiator_id == user.pk)


def may_raise(user: User, collab: Collaboration) -> bool:
    return bool(roles_of(user, collab) & {"initiator", "team", "head", "pmo"})


def _owner_or_handler(user: User, issue: Issue) -> bool:
    return _active_user(user) and user.pk in (issue.owner_id, issue.handler_id)


def may_update(user: User, issue: Issue) -> bool:
    return _owner_or_handler(user, issue) or _pmo(user) or is_lead(user, issue.collaboration)


def may_redate(user: User, issue: Issue) -> bool:
    coordinator = issue.level > 1 and _active_user(user) and user.pk == issue.handler_id
    return coordinator or _pmo(user) or is_lead(user, issue.collaboration)


def may_set_later_deadline(user: User, collab: Collaboration) -> bool:
    """May raise an issue with a deadline past its level's time limit."""
    return _pmo(user) or is_lead(user, collab)


def may_escalate(user: User, issue: Issue) -> bool:
    return may_update(user, issue)


def may_deescalate(user: User, issue: Issue) -> bool:
    return (_active_user(user) and user.pk == issue.handler_id) or _pmo(user)


def may_resolve(user: User, issue: Issue) -> bool:
    return _owner_or_handler(user, issue)


def may_confirm(user: User, issue: Issue) -> bool:
    """The raiser, the handler or the lead confirm; not whoever resolved it, unless the lead.

    A resolution confirms nothing when its author confirms it (a level-1
    owner is also its handler); the lead has no one else in the
    collaboration to ask, so may confirm their own.
    """
    if not _active_user(user):
        return False
    lead = is_lead(user, issue.collaboration)
    if user.pk == issue.resolved_by_id and not lead:
        return False
    return user.pk in (issue.raised_by_id, issue.handler_id) or lead


# ---------------------------------------------------------------- what to show now


def can_raise_now(user: User, collab: Collaboration) -> bool:
    return is_under_way(collab) and may_raise(user, collab)


def _live(issue: Issue) -> bool:
    return issue.status in ACTIVE and is_under_way(issue.collaboration)


def can_update_now(user: User, issue: Issue) -> bool:
    return _live(issue) and may_update(user, issue)


def can_redate_now(user: User, issue: Issue) -> bool:
    return _live(issue) and may_redate(user, issue)


def can_escalate_now(user: User, issue: Issue) -> bool:
    return _live(issue) and issue.level < 3 and may_escalate(user, issue)


def can_deescalate_now(user: User, issue: Issue) -> bool:
    return _live(issue) and issue.level > 1 and may_deescalate(user, issue)


def can_resolve_now(user: User, issue: Issue) -> bool:
    return _live(issue) and may_resolve(user, issue)


def can_confirm_now(user: User, issue: Issue) -> bool:
    return (
        issue.status == Status.RESOLVED
        and is_under_way(issue.collaboration)
        and may_confirm(user, issue)
    )


def can_schedule_meeting_now(user: User, issue: Issue) -> bool:
    return _live(issue) and issue.level > 1 and may_escalate(user, issue)


def issue_for(user: User, ref: int | str, number: str) -> Issue:
    """Return the collaboration's issue `number` if `user` may see the collaboration."""
    collab = collaboration_for(user, ref)
    issue = (
        Issue.objects.select_related(
            "owner__person",
            "handler__person",
            "raised_by__person",
            "resolved_by__person",
            "confirmed_by__person",
        )
        .filter(collaboration=collab, number=str(number).strip().upper())
        .first()
    )
    if issue is None:
        raise not_found()
    issue.collaboration = collab
    return issue
