"""Who may do what with change notices and resource requests.

Seeing follows the collaboration: whoever may see it (see
`collaborations.access`) sees its notices and resource requests; views and
the API fetch them through `notice_for` / `resource_for`, so a hidden and
a missing one answer alike.

Doing:
- issue a change notice: whoever manages the plan (the lead; the initiator
  while no lead is named; the PMO), and the initiator;
- acknowledge: a stakeholder the notice was sent to, once;
- revise, re-issue or withdraw a notice: its author and whoever may issue;
- request resources: the initiator, the team, the heads of the
  participating departments and the PMO; revise, submit, withdraw: the
  requester (the PMO may withdraw too).
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations import lifecycle
from concord.collaborations.access import can_manage_plan, collaboration_for, roles_of
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo

from .models import ChangeNotice, NoticeState, ResourceRequest, ResourceState

User = Any


def forbidden() -> DomainError:
    return DomainError(_("You are not allowed to do this."), code="forbidden")


def is_under_way(collab: Collaboration) -> bool:
    return collab.state in lifecycle.ACTIVE


def require_under_way(collab: Collaboration) -> None:
    """Raise a conflict unless the collaboration is under way (established or executing)."""
    if not is_under_way(collab):
        raise DomainError(
            _("This cannot be done while the collaboration is “%(state)s”.")
            % {"state": lifecycle.State(collab.state).label},
            code="conflict",
        )


def may_issue(user: User, collab: Collaboration) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return collab.initiator_id == user.pk or can_manage_plan(user, collab)


def may_edit_notice(user: User, notice: ChangeNotice) -> bool:
    return notice.created_by_id == user.pk or may_issue(user, notice.collaboration)


def may_request_resources(user: User, collab: Collaboration) -> bool:
    return bool(roles_of(user, collab) & {"initiator", "team", "head", "pmo"})


def may_change_resource(user: User, req: ResourceRequest) -> bool:
    return getattr(user, "is_authenticated", False) and req.requested_by_id == user.pk


def may_withdraw_resource(user: User, req: ResourceRequest) -> bool:
    return may_change_resource(user, req) or (
        getattr(user, "is_authenticated", False) and is_pmo(user)
    )


def can_issue_now(user: User, collab: Collaboration) -> bool:
    """Return whether to show the 'new change notice' button."""
    return is_under_way(collab) and may_issue(user, collab)


def can_request_now(user: User, collab: Collaboration) -> bool:
    return is_under_way(collab) and may_request_resources(user, collab)


def can_edit_notice_now(user: User, notice: ChangeNotice) -> bool:
    return notice.state == NoticeState.DRAFT and may_edit_notice(user, notice)


def can_withdraw_notice_now(user: User, notice: ChangeNotice) -> bool:
    return notice.state != NoticeState.WITHDRAWN and may_edit_notice(user, notice)


def can_edit_resource_now(user: User, req: ResourceRequest) -> bool:
    return req.state in (ResourceState.DRAFT, ResourceState.RETURNED) and may_change_resource(
        user, req
    )


def can_withdraw_resource_now(user: User, req: ResourceRequest) -> bool:
    return req.state in (
        ResourceState.DRAFT,
        ResourceState.IN_REVIEW,
        ResourceState.RETURNED,
    ) and may_withdraw_resource(user, req)


def notice_for(user: User, ref: int | str, number: str) -> ChangeNotice:
    """Return the collaboration's notice `number` if `user` may see the collaboration."""
    collab = collaboration_for(user, ref)
    notice = (
        ChangeNotice.objects.select_related("created_by__person", "issued_by__person")
        .filter(collaboration=collab, number=str(number).strip().upper())
        .first()
    )
    if notice is None:
        raise not_found()
    notice.collaboration = collab
    return notice


def resource_for(user: User, ref: int | str, number: str) -> ResourceRequest:
    """Return the collaboration's resource request `number` if `user` may see it."""
    collab = collaboration_for(user, ref)
    req = (
        ResourceRequest.objects.select_related("requested_by__person")
        .filter(collaboration=collab, number=str(number).strip().upper())
        .first()
    )
    if req is None:
        raise not_found()
    req.collaboration = collab
    return req
