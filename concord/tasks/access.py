"""Who may see and do what with tasks.

Seeing follows the collaboration (`collaborations.access.collaboration_for`):
whoever sees a collaboration sees its tasks; `task_for` is how views and the
API get one, so a hidden and a missing task answer alike.

Doing (the collaboration must be under way — established or executing):
- managers — the project lead, the initiator and the PMO — create, edit and
  move any task and build tasks from the plan (the latter: whoever manages
  the plan);
- the contact (对接人) and the head of a participating department create,
  edit and move the tasks of their own department;
- a task's owner moves their own task and posts its progress; they may
  edit its description and deliverable, not who owns it or when it is due;
- the reviewer (the RACI Accountable party) approves or rejects a review;
  the lead stands in when the reviewer is no longer active;
- everyone else is refused.
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations import lifecycle
from concord.collaborations.access import (
    can_manage_plan,
    collaboration_for,
    speaks_for_head,
)
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo
from concord.orgs.models import Department

from .models import Task

#: Fields the owner of a task may change on their own.
OWNER_FIELDS = frozenset({"description", "deliverable", "deliverable_standard", "start_on"})


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def task_for(user: Any, ref: int | str, number: str) -> Task:
    """Return task `number` (e.g. T-001) of collaboration `ref` if `user` may see it."""
    collab = collaboration_for(user, ref)
    task = (
        Task.objects.select_related(
            "owner__person", "department", "reviewer__person", "parent", "blocked_by_task"
        )
        .filter(collaboration=collab, number=str(number).strip().upper())
        .first()
    )
    if task is None:
        raise not_found()
    task.collaboration = collab
    return task


def require_under_way(collab: Collaboration) -> None:
    """Raise a conflict unless the collaboration is under way (established or executing)."""
    if collab.state not in lifecycle.ACTIVE:
        raise DomainError(
            _("This cannot be done while the collaboration is “%(state)s”.")
            % {"state": lifecycle.State(collab.state).label},
            code="conflict",
        )


def is_manager(user: Any, collab: Collaboration) -> bool:
    """Return whether `user` manages every task of `collab`: lead, initiator or PMO."""
    if not _active(user):
        return False
    if collab.initiator_id == user.pk or is_pmo(user):
        return True
    lead = lead_of(collab)
    return lead is not None and lead.pk == user.pk


def speaks_for_department(user: Any, collab: Collaboration, department_id: int | None) -> bool:
    """Return whether `user` is the contact or (acting) head of a participating department."""
    if not _active(user) or department_id is None:
        return False
    for pd in collab.departments.select_related("department__head"):
        if pd.department_id != department_id:
            continue
        return pd.contact_id == user.pk or speaks_for_head(user, pd.department)
    return False


def may_create(user: Any, collab: Collaboration, department: Department | None = None) -> bool:
    """Return whether `user` may add a task (for `department`, if given) to `collab`."""
    if is_manager(user, collab):
        return True
    if department is None:
        return any(
            speaks_for_department(user, collab, pd.department_id) for pd in collab.departments.all()
        )
    return speaks_for_department(user, collab, department.pk)


def may_move(user: Any, task: Task) -> bool:
    if not _active(user):
        return False
    if task.owner_id == user.pk:
        return True
    return is_manager(user, task.collaboration) or speaks_for_department(
        user, task.collaboration, task.department_id
    )


def may_edit(user: Any, task: Task, fields: set[str] | frozenset[str] = frozenset()) -> bool:
    """Return whether `user` may change `fields` of the task (any field if empty)."""
    if not _active(user):
        return False
    if is_manager(user, task.collaboration) or speaks_for_department(
        user, task.collaboration, task.department_id
    ):
        return True
    return task.owner_id == user.pk and bool(fields) and set(fields) <= OWNER_FIELDS


def may_review(user: Any, task: Task) -> bool:
    if not _active(user):
        return False
    reviewer = task.reviewer
    if reviewer is not None and reviewer.is_active:
        return bool(reviewer.pk == user.pk)
    lead = lead_of(task.collaboration)
    return lead is not None and lead.pk == user.pk


def may_post_progress(user: Any, task: Task) -> bool:
    return may_move(user, task)


def may_build_from_plan(user: Any, collab: Collaboration) -> bool:
    return can_manage_plan(user, collab)


def may_configure(user: Any, collab: Collaboration) -> bool:
    """Return whether `user` may change the collaboration's daily progress settings."""
    return is_manager(user, collab)
