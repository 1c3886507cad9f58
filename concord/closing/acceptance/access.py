"""Who may do what in acceptance and effect verification.

- Acceptance group (members, lead, decision mode): the initiating
  department's head (or their deputy today) or the initiator.
- Submitting a deliverable: its responsible department — the head, the
  contact (对接人), or the owner of a task that produces it; a deliverable
  with no department, the project lead (or the initiator while none).
- Judging: whoever the approval engine says may decide the round's flow
  (the group lead alone, or every member in 会签 mode).
- Effect verification (start, conclude): the lead, the initiator, the PMO;
  revising the problem definition: also the team; feedback: each
  participating department's head or contact.
Seeing anything here is seeing the collaboration (`collaboration_for`).
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.approvals.selectors import can_decide, current_flow
from concord.collaborations.access import collaboration_for, speaks_for_head
from concord.collaborations.lifecycle import ACTIVE
from concord.collaborations.models import Collaboration, Kind
from concord.collaborations.selectors import lead_of
from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo
from concord.tasks.access import is_manager, speaks_for_department
from concord.tasks.models import Task

from .models import Item, Verification

User = Any

JUDGE_PURPOSE = "acceptance.judge"


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def _active(user: User) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def under_way(collab: Collaboration) -> bool:
    return collab.state in ACTIVE


def require_under_way(collab: Collaboration) -> None:
    if not under_way(collab):
        raise DomainError(
            _("Acceptance happens while the collaboration is under way."), code="conflict"
        )


def can_set_group(user: User, collab: Collaboration) -> bool:
    if not _active(user):
        return False
    return collab.initiator_id == user.pk or speaks_for_head(user, collab.department)


def can_submit(user: User, collab: Collaboration, department_id: int | None, name: str) -> bool:
    """Return whether `user` speaks for the deliverable's responsible department."""
    if not _active(user):
        return False
    if department_id is None:
        lead = lead_of(collab)
        return user.pk == (lead.pk if lead is not None else collab.initiator_id)
    if speaks_for_department(user, collab, department_id):
        return True
    return Task.objects.filter(
        collaboration=collab, department_id=department_id, owner=user, deliverable=name
    ).exists()


def submit_checker(user: User, collab: Collaboration) -> Any:
    """Return `check(department_id, name)`, `can_submit` for many rows in a few queries."""
    if not _active(user):
        return lambda department_id, name: False
    lead = lead_of(collab)
    lead_id = lead.pk if lead is not None else collab.initiator_id
    speaks = {
        pd.department_id
        for pd in collab.departments.select_related("department__head")
        if pd.contact_id == user.pk or speaks_for_head(user, pd.department)
    }
    owned = set(
        Task.objects.filter(collaboration=collab, owner=user).values_list(
            "department_id", "deliverable"
        )
    )

    def check(department_id: int | None, name: str) -> bool:
        if department_id is None:
            return bool(user.pk == lead_id)
        return department_id in speaks or (department_id, name) in owned

    return check


def can_judge(user: User, item: Item) -> bool:
    flow = current_flow(item, JUDGE_PURPOSE)
    return flow is not None and can_decide(user, flow)


def can_manage_verification(user: User, collab: Collaboration) -> bool:
    return collab.kind == Kind.PROBLEM and is_manager(user, collab)


def can_redefine(user: User, collab: Collaboration) -> bool:
    if collab.kind != Kind.PROBLEM or not _active(user):
        return False
    return is_manager(user, collab) or collab.team.filter(user=user).exists()


def can_answer(user: User, collab: Collaboration, department_id: int) -> bool:
    return speaks_for_department(user, collab, department_id)


def is_viewer_pmo(user: User) -> bool:
    return is_pmo(user)


def item_for(user: User, ref: str, pk: int | str) -> Item:
    """Return the collaboration's item `pk` if the user may see the collaboration."""
    collab = collaboration_for(user, ref)
    text = str(pk)
    item = (
        Item.objects.filter(collaboration=collab, pk=int(text)).first()
        if text.isdigit() and len(text) < 19
        else None
    )
    if item is None:
        raise not_found()
    item.collaboration = collab
    return item


def verification_for(user: User, ref: str) -> tuple[Collaboration, Verification | None]:
    collab = collaboration_for(user, ref)
    if collab.kind != Kind.PROBLEM:
        raise not_found()
    latest = Verification.objects.filter(collaboration=collab).order_by("-round").first()
    return collab, latest
