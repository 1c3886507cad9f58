"""Who may do what with reviews, retrospectives and rule proposals.

Seeing follows the collaboration (`collaborations.access.collaboration_for`):
whoever may see a collaboration sees its reviews and retrospective; views
and the API fetch them through `review_for` / `retro_for`, so a hidden and a
missing one answer alike. The proposals list (every collaboration) is the
PMO's alone.

Doing:
- write a review or a retrospective (start, edit, add measures, open a
  plan adjustment, publish): the lead, the initiator and the PMO;
- contribute items (deviations, what worked / what to improve, rule
  proposals): anyone on the team, the heads of the participating
  departments, and the writers above;
- decide a rule proposal (adopted / declined): the PMO.
A published review or retrospective is final: no more items.
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations import lifecycle
from concord.collaborations.access import collaboration_for, roles_of
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo

from .models import MilestoneReview, RetroKind, Retrospective, ReviewState

User = Any

#: States in which reviews are written: under way, and while closing is prepared.
OPEN_STATES = frozenset({*lifecycle.ACTIVE})


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def _active(user: User) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def require_open(collab: Collaboration) -> None:
    """Raise a conflict unless the collaboration is under way (established or executing)."""
    if collab.state not in OPEN_STATES:
        raise DomainError(
            _("This cannot be done while the collaboration is “%(state)s”.")
            % {"state": lifecycle.State(collab.state).label},
            code="conflict",
        )


def may_write(user: User, collab: Collaboration) -> bool:
    """The lead, the initiator and the PMO write reviews and retrospectives."""
    if not _active(user):
        return False
    if collab.initiator_id == user.pk or is_pmo(user):
        return True
    lead = lead_of(collab)
    return lead is not None and lead.pk == user.pk


def may_contribute(user: User, collab: Collaboration) -> bool:
    """The team and the participating heads add items; so do the writers."""
    if not _active(user):
        return False
    return bool(roles_of(user, collab) & {"initiator", "team", "head", "pmo"}) or may_write(
        user, collab
    )


def may_decide_proposals(user: User) -> bool:
    return _active(user) and is_pmo(user)


def require_unpublished(obj: MilestoneReview | Retrospective) -> None:
    if obj.state == ReviewState.PUBLISHED:
        raise DomainError(_("It is published and can no longer be changed."), code="conflict")


def can_write_now(user: User, obj: MilestoneReview | Retrospective) -> bool:
    return (
        obj.state != ReviewState.PUBLISHED
        and obj.collaboration.state in OPEN_STATES
        and may_write(user, obj.collaboration)
    )


def can_contribute_now(user: User, obj: MilestoneReview | Retrospective) -> bool:
    return (
        obj.state != ReviewState.PUBLISHED
        and obj.collaboration.state in OPEN_STATES
        and may_contribute(user, obj.collaboration)
    )


def review_for(user: User, ref: int | str, pk: int | str) -> MilestoneReview:
    """Return review `pk` of collaboration `ref` if `user` may see the collaboration."""
    collab = collaboration_for(user, ref)
    if not str(pk).isdigit() or len(str(pk)) > 18:
        raise not_found()
    review = (
        MilestoneReview.objects.select_related("published_by__person")
        .filter(collaboration=collab, pk=int(pk))
        .first()
    )
    if review is None:
        raise not_found()
    review.collaboration = collab
    return review


def retro_for(user: User, ref: int | str, kind: str) -> tuple[Collaboration, Retrospective | None]:
    """Return the collaboration and its retrospective of `kind` (None when not started)."""
    collab = collaboration_for(user, ref)
    if kind not in RetroKind.values:
        raise not_found()
    retro = Retrospective.objects.filter(collaboration=collab, kind=kind).first()
    if retro is not None:
        retro.collaboration = collab
    return collab, retro
