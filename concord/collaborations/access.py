"""Who may see and do what with a collaboration.

Seeing: `selectors.visible_to` is the one rule, used by every list, search,
export and API call: a collaboration is visible to its initiator, its team,
the heads of its initiating and participating departments, its approvers
and the PMO; a confidential one only to its team (initiator included), its
approvers and the PMO. A draft is visible to its initiator alone, not even
to the PMO: until it is submitted it is a personal note, not a request.

Doing: the roles an actor holds on a collaboration (`roles_of`) are matched
against the lifecycle table (`lifecycle.may`).

`collaboration_for` is the only way views and the API get a collaboration;
hidden and missing answer alike (`not_found`).
"""

import re
from typing import Any

import rules
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_employee, is_pmo
from concord.orgs.models import Department
from concord.orgs.selectors import effective_approver

from . import lifecycle
from .models import Collaboration

NUMBER_RE = re.compile(r"^XQ-\d{4}-\d{4,}$")

rules.add_perm("collaborations.create", is_employee)


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def speaks_for_head(user: Any, department: Department) -> bool:
    """Return whether `user` is the department's head, or the head's deputy today."""
    head = department.head
    if head is None or not user.is_authenticated:
        return False
    if head.pk == user.pk:
        return True
    acting, delegator = effective_approver(head, timezone.localdate())
    return delegator is not None and acting.pk == user.pk


def roles_of(user: Any, collab: Collaboration) -> set[str]:
    """Return the lifecycle roles `user` holds on `collab` (see lifecycle.py)."""
    roles: set[str] = set()
    if not user.is_authenticated or not user.is_active:
        return roles
    if collab.initiator_id == user.pk:
        roles.add("initiator")
    if is_pmo(user):
        roles.add("pmo")
    if collab.team.filter(user=user).exists():
        roles.add("team")
    if any(
        speaks_for_head(user, pd.department)
        for pd in collab.departments.select_related("department__head")
    ):
        roles.add("head")
    return roles


def require(user: Any, collab: Collaboration, action: str) -> set[str]:
    """Raise forbidden unless `user` holds a role that may do `action`; return the roles."""
    roles = roles_of(user, collab)
    if not lifecycle.may(action, roles):
        raise forbidden()
    return roles


def can(user: Any, collab: Collaboration, action: str) -> bool:
    """Return whether `user` may do `action` now (state and role); for showing buttons."""
    return lifecycle.allowed(collab.state, action) and lifecycle.may(action, roles_of(user, collab))


def collaboration_for(user: Any, ref: int | str, *, for_action: str | None = None) -> Collaboration:
    """Return the collaboration `ref` (number or id) if `user` may see it.

    With `for_action`, also refuse (forbidden) a viewer who may not do it.
    A hidden collaboration and a missing one raise the same `not_found`.
    """
    from .selectors import visible_to

    qs = visible_to(user).select_related("initiator__person", "department__head")
    text = str(ref).strip()
    if NUMBER_RE.match(text):
        collab = qs.filter(number=text).first()
    elif text.isdigit() and len(text) < 19:
        collab = qs.filter(pk=int(text)).first()
    else:
        collab = None
    if collab is None:
        raise not_found()
    if for_action is not None:
        require(user, collab, for_action)
    return collab


def can_manage_plan(user: Any, collab: Collaboration) -> bool:
    """Return whether `user` may draft and edit the collaboration's plans.

    The project lead; the initiator while no lead is named; the PMO.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_pmo(user):
        return True
    from .selectors import lead_of

    lead = lead_of(collab)
    if lead is not None:
        return bool(lead.pk == user.pk)
    return bool(collab.initiator_id == user.pk)


def can_manage_team(user: Any, collab: Collaboration) -> bool:
    """Return whether `user` may name the lead and sponsor and change the departments.

    The initiator, the project lead and the PMO.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if collab.initiator_id == user.pk or is_pmo(user):
        return True
    from .selectors import lead_of

    lead = lead_of(collab)
    return lead is not None and bool(lead.pk == user.pk)


def may_manage_member(user: Any, collab: Collaboration, department: Department | None) -> bool:
    """Return whether `user` may add or remove a member of `department` on `collab`.

    Whoever manages the team; and the department's head (or deputy today)
    for the members of their own department.
    """
    if can_manage_team(user, collab):
        return True
    return department is not None and speaks_for_head(user, department)
