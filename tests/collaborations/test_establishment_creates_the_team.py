"""Approval establishes the collaboration (立项): team, departments, notifications."""

from concord.collaborations.lifecycle import State
from concord.collaborations.models import ParticipatingDepartment, Role, TeamMember
from concord.notifications.models import Notification
from tests.collaborations.helpers import established
from tests.personas import Org


def test_approval_establishes_the_collaboration_with_its_team(org: Org) -> None:
    collab = established(org)
    assert collab.state == State.APPROVED
    assert collab.established_at is not None
    roles = set(
        TeamMember.objects.filter(collaboration=collab).values_list("user__username", "role")
    )
    assert roles == {
        ("alice", Role.INITIATOR),
        ("alice", Role.CONTACT),
        ("mark", Role.INITIATING_HEAD),
    }
    departments = {
        (p.department.name, p.is_initiating, p.contact_id)
        for p in ParticipatingDepartment.objects.filter(collaboration=collab)
    }
    assert departments == {("市场部", True, org.alice.pk), ("研发部", False, None)}


def test_the_suggested_departments_heads_are_asked_to_name_a_contact(org: Org) -> None:
    collab = established(org)
    asked = Notification.objects.get(recipient=org.rita, kind="collaborations.name_contact")
    assert asked.params["department"] == "研发部"
    assert asked.url == f"/collaborations/{collab.number}/#departments"


def test_the_initiator_hears_of_the_decision(org: Org) -> None:
    established(org)
    assert Notification.objects.filter(recipient=org.alice, kind="approvals.approved").exists()
