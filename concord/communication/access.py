"""Who may see and change a collaboration's communication plan.

Seeing follows the collaboration (`collaborations.access.collaboration_for`).
Editing: whoever manages the team (the initiator, the project lead, the
PMO). Confirming for a department (《沟通机制确认表》): its contact, its
head (or the head's deputy today), or the PMO.
"""

from typing import Any

from concord.collaborations import access as collab_access
from concord.collaborations import lifecycle
from concord.collaborations.models import Collaboration, ParticipatingDepartment
from concord.lib.errors import DomainError
from concord.orgs.access import is_pmo


def can_edit(user: Any, collab: Collaboration) -> bool:
    return lifecycle.allowed(collab.state, "comm_edit") and collab_access.can_manage_team(
        user, collab
    )


def require_edit(user: Any, collab: Collaboration) -> None:
    collab_access.require(user, collab, "comm_edit")
    if not collab_access.can_manage_team(user, collab):
        raise collab_access.forbidden()
    lifecycle.check(collab.state, "comm_edit")


def may_confirm_for(user: Any, row: ParticipatingDepartment) -> bool:
    """Return whether `user` may confirm the plan for `row`'s department."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if row.contact_id == user.pk or is_pmo(user):
        return True
    return collab_access.speaks_for_head(user, row.department)


def forbidden() -> DomainError:
    return collab_access.forbidden()
