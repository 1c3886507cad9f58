"""Writes to a collaboration's team: lead, sponsor, departments, members.

Each function is one transaction and one event, scoped to the collaboration.
Who may: the initiator, the project lead and the PMO
(`access.can_manage_team`); a department head also adds and removes the
members of their own department (`access.may_manage_member`). When: the
lifecycle table's rows of the same names (active states only).

Import them from `services`, like every other write of this app.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify
from concord.orgs.models import Department

from . import access, lifecycle
from .models import Collaboration, ParticipatingDepartment, Role, TeamMember

Actor = Any


def _lock(collab: Collaboration) -> Collaboration:
    row = (
        Collaboration.objects.select_for_update(of=("self",))
        .select_related("department")
        .filter(pk=collab.pk)
        .first()
    )
    if row is None:
        raise not_found()
    return row


def _check(actor: Actor, collab: Collaboration, action: str) -> None:
    """Refuse unless `actor` manages the team and `action` fits the state."""
    access.require(actor, collab, action)
    if not access.can_manage_team(actor, collab):
        raise access.forbidden()
    lifecycle.check(collab.state, action)


def _person_check(user: Any, field: str) -> None:
    if user is None or not user.is_active or getattr(user, "person", None) is None:
        raise DomainError(_("Person: choose an active employee."), field=field)


def _params(collab: Collaboration, **extra: Any) -> dict[str, Any]:
    return {"number": collab.number, "name": collab.name, **extra}


def _set_single_role(
    *, actor: Actor, collaboration: Collaboration, user: Any, role: str, action: str, verb: str
) -> TeamMember:
    collab = _lock(collaboration)
    _check(actor, collab, action)
    _person_check(user, "user")
    current = TeamMember.objects.select_for_update().filter(collaboration=collab, role=role).first()
    if current is not None and current.user_id == user.pk:
        raise DomainError(
            _("%(person)s already has this role.") % {"person": user.person.name},
            code="conflict",
            field="user",
        )
    before = {"user": current.user_id if current else None}
    TeamMember.objects.filter(collaboration=collab, role=role).delete()
    member = TeamMember.objects.create(
        collaboration=collab, user=user, role=role, department=user.person.department
    )
    event = event_record(
        actor=actor,
        verb=verb,
        subject=member,
        scope=collab,
        before=before,
        after={"user": user.pk},
    )
    notify(
        recipients=[user],
        kind=f"collaborations.{role}_named",
        subject=collab,
        params=_params(collab),
        url=collab.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return member


@transaction.atomic
def team_set_lead(*, actor: Actor, collaboration: Collaboration, user: Any) -> TeamMember:
    """Name `user` the project lead (项目负责人), replacing any earlier lead."""
    return _set_single_role(
        actor=actor,
        collaboration=collaboration,
        user=user,
        role=Role.LEAD,
        action="team_set_lead",
        verb="collaboration.lead_set",
    )


@transaction.atomic
def team_set_sponsor(*, actor: Actor, collaboration: Collaboration, user: Any) -> TeamMember:
    """Name `user` the sponsor (项目发起人), replacing any earlier sponsor."""
    return _set_single_role(
        actor=actor,
        collaboration=collaboration,
        user=user,
        role=Role.SPONSOR,
        action="team_set_sponsor",
        verb="collaboration.sponsor_set",
    )


@transaction.atomic
def department_add(
    *, actor: Actor, collaboration: Collaboration, department: Department
) -> ParticipatingDepartment:
    """Add a department to the collaboration and ask its head to name a contact."""
    collab = _lock(collaboration)
    _check(actor, collab, "department_add")
    dept = Department.objects.select_related("head").filter(pk=department.pk).first()
    if dept is None or not dept.is_active:
        raise DomainError(_("Department: choose an active department."), field="department")
    if ParticipatingDepartment.objects.filter(collaboration=collab, department=dept).exists():
        raise DomainError(
            _("Department: “%(dept)s” already takes part.") % {"dept": dept.name},
            code="conflict",
            field="department",
        )
    row = ParticipatingDepartment.objects.create(collaboration=collab, department=dept)
    event = event_record(
        actor=actor,
        verb="collaboration.department_added",
        subject=row,
        scope=collab,
        after={"department": dept.pk},
    )
    if dept.head is not None:
        notify(
            recipients=[dept.head],
            kind="collaborations.name_contact",
            subject=collab,
            params=_params(collab, department=dept.name, feedback=""),
            url=f"{collab.get_absolute_url()}#department-{dept.pk}",
            actor=actor,
            event=event,
        )
    return row


@transaction.atomic
def department_set_lead(
    *, actor: Actor, collaboration: Collaboration, department: Department
) -> ParticipatingDepartment:
    """Make `department` the lead department (牵头部门); exactly one leads."""
    collab = _lock(collaboration)
    _check(actor, collab, "department_set_lead")
    rows = list(
        ParticipatingDepartment.objects.select_for_update(of=("self",))
        .select_related("department__head")
        .filter(collaboration=collab)
    )
    row = next((r for r in rows if r.department_id == department.pk), None)
    if row is None:
        raise DomainError(
            _("Department: “%(dept)s” does not take part in this collaboration.")
            % {"dept": department.name},
            field="department",
        )
    if row.is_lead:
        raise DomainError(
            _("“%(dept)s” already leads.") % {"dept": row.department.name},
            code="conflict",
            field="department",
        )
    previous = next((r for r in rows if r.is_lead), None)
    # Clear the old lead first: the database allows one lead row at a time.
    ParticipatingDepartment.objects.filter(collaboration=collab, is_lead=True).update(is_lead=False)
    row.is_lead = True
    row.save(update_fields=["is_lead"])
    event = event_record(
        actor=actor,
        verb="collaboration.lead_department_set",
        subject=row,
        scope=collab,
        before={"department": previous.department_id if previous else None},
        after={"department": row.department_id},
    )
    if row.department.head is not None:
        notify(
            recipients=[row.department.head],
            kind="collaborations.lead_department",
            subject=collab,
            params=_params(collab, department=row.department.name),
            url=collab.get_absolute_url(),
            actor=actor,
            event=event,
        )
    return row


@transaction.atomic
def member_add(
    *,
    actor: Actor,
    collaboration: Collaboration,
    user: Any,
    department: Department | None = None,
) -> TeamMember:
    """Add `user` as a member for `department` (by default their own department).

    The department must take part in the collaboration.
    """
    collab = _lock(collaboration)
    access.require(actor, collab, "member_add")
    _person_check(user, "user")
    dept_id = department.pk if department is not None else user.person.department_id
    row = (
        ParticipatingDepartment.objects.select_related("department__head")
        .filter(collaboration=collab, department_id=dept_id)
        .first()
    )
    if row is None:
        raise DomainError(
            _("Department: the member's department does not take part in this collaboration."),
            field="department",
        )
    if not access.may_manage_member(actor, collab, row.department):
        raise access.forbidden()
    lifecycle.check(collab.state, "member_add")
    if TeamMember.objects.filter(
        collaboration=collab, user=user, role=Role.MEMBER, department_id=dept_id
    ).exists():
        raise DomainError(
            _("%(person)s is already a member.") % {"person": user.person.name},
            code="conflict",
            field="user",
        )
    member = TeamMember.objects.create(
        collaboration=collab, user=user, role=Role.MEMBER, department_id=dept_id
    )
    event = event_record(
        actor=actor,
        verb="collaboration.member_added",
        subject=member,
        scope=collab,
        after={"user": user.pk, "department": dept_id},
    )
    notify(
        recipients=[user],
        kind="collaborations.member_added",
        subject=collab,
        params=_params(collab, department=row.department.name),
        url=collab.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return member


@transaction.atomic
def member_remove(*, actor: Actor, member: TeamMember) -> None:
    """Take a member off the team (the other roles change through their own actions)."""
    collab = _lock(member.collaboration)
    access.require(actor, collab, "member_remove")
    row = (
        TeamMember.objects.select_for_update(of=("self",))
        .select_related("department__head")
        .filter(pk=member.pk, collaboration=collab)
        .first()
    )
    if row is None:
        raise not_found()
    if not access.may_manage_member(actor, collab, row.department):
        raise access.forbidden()
    lifecycle.check(collab.state, "member_remove")
    if row.role != Role.MEMBER:
        raise DomainError(
            _("Only members are removed here; the other roles are changed where they are set."),
            field="member",
        )
    event_record(
        actor=actor,
        verb="collaboration.member_removed",
        subject=row,
        scope=collab,
        before={"user": row.user_id, "department": row.department_id},
    )
    row.delete()


def member_ensure(*, collaboration: Collaboration, user: Any) -> bool:
    """Make `user` a member of the team if they are not on it in any role.

    For services that give someone work in the collaboration (a task's
    owner must be able to open the collaboration it belongs to). It runs
    inside the calling service's transaction and writes no event of its
    own: the caller's event records the assignment. Return whether a row
    was added.
    """
    if TeamMember.objects.filter(collaboration=collaboration, user=user).exists():
        return False
    person = getattr(user, "person", None)
    TeamMember.objects.create(
        collaboration=collaboration,
        user=user,
        role=Role.MEMBER,
        department_id=person.department_id if person is not None else None,
    )
    return True
