"""Who may move a card: its owner, the department contact and head, the lead, initiator, PMO."""

from typing import Any

import pytest
from django.test import Client

from concord.tasks.models import Task
from tests.personas import Org
from tests.tasks.helpers import Project, actor, task


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("rob", 200),  # owner
        ("cara", 200),  # 研发部 contact
        ("rita", 200),  # 研发部 head
        ("leo", 200),  # project lead
        ("alice", 200),  # initiator
        ("pam", 200),  # PMO
        ("mark", 403),  # head of the initiating department, not of the task's
        ("oscar", 404),  # outsider: does not see the collaboration
    ],
)
def test_move(org: Org, proj: Project, at: Any, who: str, status: int) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        client = Client()
        client.force_login(actor(org, proj, who))
        response = client.post(
            f"/collaborations/{proj.collab.number}/board/move/",
            {"task": t.number, "status": "in_progress"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == status
    moved = Task.objects.get(pk=t.pk).status == "in_progress"
    assert moved is (status == 200)


@pytest.mark.parametrize(("who", "draggable"), [("rob", True), ("mark", False)])
def test_only_movable_cards_are_draggable(
    org: Org, proj: Project, at: Any, who: str, draggable: bool
) -> None:
    with at("2026-07-02 10:00"):
        task(org, proj)
        client = Client()
        client.force_login(actor(org, proj, who))
        html = client.get(f"/collaborations/{proj.collab.number}/board/").content.decode()
    assert ('draggable="true"' in html) is draggable
