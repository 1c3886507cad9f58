"""Who may do what with a collaboration's archive.

Seeing the archive (checklist, documents, bundles) is seeing the
collaboration (`collaboration_for`). Uploading: the initiator, the team and
the PMO while the collaboration is under way. Waiving a required document:
the PMO alone, with a reason. Building a bundle: the same people as
uploading, also after closing. Closing: the initiator, the project lead and
the PMO (the lifecycle table's "close" row gives the state).
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations import lifecycle
from concord.collaborations.access import forbidden, roles_of
from concord.collaborations.lifecycle import State
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.lib.errors import DomainError
from concord.orgs.access import is_pmo

__all__ = ["forbidden"]

BUILDABLE = frozenset({*lifecycle.ACTIVE, State.CLOSED})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def may_upload(user: Any, collab: Collaboration) -> bool:
    if not _active(user) or collab.state not in lifecycle.ACTIVE:
        return False
    return bool(roles_of(user, collab) & {"initiator", "team", "pmo"})


def may_waive(user: Any, collab: Collaboration) -> bool:
    return _active(user) and collab.state in lifecycle.ACTIVE and bool(is_pmo(user))


def may_build(user: Any, collab: Collaboration) -> bool:
    if not _active(user) or collab.state not in BUILDABLE:
        return False
    return bool(roles_of(user, collab) & {"initiator", "team", "pmo"})


def may_close(user: Any, collab: Collaboration) -> bool:
    """The initiator, the project lead or the PMO, in a state the table allows."""
    if not _active(user) or not lifecycle.allowed(collab.state, "close"):
        return False
    if collab.initiator_id == user.pk or is_pmo(user):
        return True
    lead = lead_of(collab)
    return lead is not None and lead.pk == user.pk


def require(allowed: bool) -> None:
    if not allowed:
        raise forbidden()


def require_state(collab: Collaboration, states: frozenset[str]) -> None:
    if collab.state not in states:
        raise DomainError(
            _("The archive cannot change while the collaboration is “%(state)s”.")
            % {"state": State(collab.state).label},
            code="conflict",
        )
