"""Who may read and change a collaboration's plan.

Reading: whoever may see the collaboration (`collaborations.access`).
Changing: `collaborations.access.can_manage_plan` (the lead; the initiator
while no lead is named; the PMO), and only in the states the lifecycle
table allows ("plan_edit", "plan_submit").
"""

from typing import Any

from concord.collaborations import lifecycle
from concord.collaborations.access import can_manage_plan, collaboration_for, forbidden
from concord.collaborations.models import Collaboration


def plan_collaboration_for(user: Any, ref: int | str) -> Collaboration:
    """Return the collaboration `ref` if `user` may see it (hidden and missing: not_found)."""
    return collaboration_for(user, ref)


def require_manage(user: Any, collab: Collaboration, action: str = "plan_edit") -> None:
    """Raise conflict if the state does not allow `action`, forbidden if `user` may not."""
    if not can_manage_plan(user, collab):
        raise forbidden()
    lifecycle.check(collab.state, action)


def may_manage(user: Any, collab: Collaboration, action: str = "plan_edit") -> bool:
    """Return whether `user` may do `action` now; for showing buttons."""
    return lifecycle.allowed(collab.state, action) and can_manage_plan(user, collab)
