"""The team of a collaboration over the API: lead, sponsor, departments, members.

Mounted on the collaborations router (paths under /collaborations/{ref});
people are referred to by their person id, departments by their id.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from concord.api.common import user_of
from concord.collaborations import selectors as collab_selectors
from concord.collaborations import services
from concord.collaborations.models import TeamMember
from concord.lib.errors import not_found

from .collaborations import (
    CollaborationDetail,
    PersonRef,
    _departments,
    _detail,
    _get,
    _person_ref,
    _users,
)

router = Router()


class PersonIn(Schema):
    person_id: int = Field(..., examples=[12], description="Person id.")


class DepartmentIn(Schema):
    department_id: int = Field(..., examples=[3])


class MemberIn(Schema):
    person_id: int = Field(..., examples=[12], description="Person id.")
    department_id: int | None = Field(
        None, examples=[3], description="A participating department; by default their own."
    )


class TeamMemberOut(Schema):
    id: int = Field(..., examples=[41], description="Team row id (to remove a member).")
    person: PersonRef | None
    role: str = Field(..., examples=["member"])
    department_id: int | None = None

    @staticmethod
    def resolve_person(obj: Any) -> dict[str, Any] | None:
        return _person_ref(obj.user)


class TeamOut(Schema):
    lead: PersonRef | None
    sponsor: PersonRef | None
    members: list[TeamMemberOut]


@router.get("/{ref}/team", response=TeamOut, summary="The team: lead, sponsor and every role")
def get_team(request: HttpRequest, ref: str) -> Any:
    collab = _detail(request, _get(request, ref))
    return {
        "lead": _person_ref(collab_selectors.lead_of(collab)),
        "sponsor": _person_ref(collab_selectors.sponsor_of(collab)),
        "members": list(collab.team.all()),
    }


@router.put("/{ref}/team/lead", response=CollaborationDetail, summary="Name the project lead")
def set_lead(request: HttpRequest, ref: str, payload: PersonIn) -> Any:
    collab = _get(request, ref)
    user = _users([payload.person_id], "person_id")[payload.person_id]
    services.team_set_lead(actor=user_of(request), collaboration=collab, user=user)
    return _detail(request, collab)


@router.put("/{ref}/team/sponsor", response=CollaborationDetail, summary="Name the sponsor")
def set_sponsor(request: HttpRequest, ref: str, payload: PersonIn) -> Any:
    collab = _get(request, ref)
    user = _users([payload.person_id], "person_id")[payload.person_id]
    services.team_set_sponsor(actor=user_of(request), collaboration=collab, user=user)
    return _detail(request, collab)


@router.post(
    "/{ref}/departments",
    response={201: CollaborationDetail},
    summary="Add a department (its head is asked to name a contact)",
)
def add_department(request: HttpRequest, ref: str, payload: DepartmentIn) -> Any:
    collab = _get(request, ref)
    dept = _departments([payload.department_id], "department_id")[payload.department_id]
    services.department_add(actor=user_of(request), collaboration=collab, department=dept)
    return Status(201, _detail(request, collab))


@router.put(
    "/{ref}/departments/{dept_id}/lead",
    response=CollaborationDetail,
    summary="Make a participating department the lead department (牵头部门)",
)
def set_lead_department(request: HttpRequest, ref: str, dept_id: int) -> Any:
    collab = _get(request, ref)
    dept = _departments([dept_id], "dept_id")[dept_id]
    services.department_set_lead(actor=user_of(request), collaboration=collab, department=dept)
    return _detail(request, collab)


@router.post("/{ref}/members", response={201: TeamMemberOut}, summary="Add a team member")
def add_member(request: HttpRequest, ref: str, payload: MemberIn) -> Any:
    collab = _get(request, ref)
    user = _users([payload.person_id], "person_id")[payload.person_id]
    dept = None
    if payload.department_id is not None:
        dept = _departments([payload.department_id], "department_id")[payload.department_id]
    member = services.member_add(
        actor=user_of(request), collaboration=collab, user=user, department=dept
    )
    return Status(201, member)


@router.delete("/{ref}/members/{member_id}", response={204: None}, summary="Remove a member")
def remove_member(request: HttpRequest, ref: str, member_id: int) -> Any:
    collab = _get(request, ref)
    member = TeamMember.objects.filter(pk=member_id, collaboration=collab).first()
    if member is None:
        raise not_found()
    services.member_remove(actor=user_of(request), member=member)
    return Status(204, None)
