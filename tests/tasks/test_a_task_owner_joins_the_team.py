"""Owning a task makes a person a team member, so they can open its collaboration."""

from typing import Any

from concord.activity.models import Event
from concord.collaborations import selectors as collab_selectors
from concord.collaborations.models import TeamMember
from concord.orgs import services as org_services
from tests.personas import PASSWORD, Org

from .helpers import Project, task


def _newcomer(org: Org) -> Any:
    return org_services.person_create(
        actor=None,
        username="nina",
        name="倪新",
        employee_no="E-nina",
        department=org.rnd,
        password=PASSWORD,
        manager=org.rita,
    ).user


def test_a_new_owner_joins_the_team_and_sees_the_collaboration(
    org: Org, proj: Project, at: Any
) -> None:
    nina = _newcomer(org)
    assert not collab_selectors.visible_to(nina).filter(pk=proj.collab.pk).exists()
    with at("2026-07-02 10:00"):
        task(org, proj, owner=nina)
    assert TeamMember.objects.filter(collaboration=proj.collab, user=nina).count() == 1
    assert collab_selectors.visible_to(nina).filter(pk=proj.collab.pk).exists()
    event = Event.objects.filter(verb="task.created").latest("id")
    assert event.after["owner_joined_team"] is True


def test_someone_already_on_the_team_is_not_added_twice(org: Org, proj: Project, at: Any) -> None:
    before = TeamMember.objects.filter(collaboration=proj.collab, user=proj.rob).count()
    with at("2026-07-02 10:00"):
        task(org, proj)
    assert TeamMember.objects.filter(collaboration=proj.collab, user=proj.rob).count() == before
    event = Event.objects.filter(verb="task.created").latest("id")
    assert event.after["owner_joined_team"] is False
