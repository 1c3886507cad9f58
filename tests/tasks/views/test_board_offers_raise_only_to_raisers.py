"""A blocked card offers 「提报问题」 only to who may raise an issue (else it ends in a refusal)."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from concord.issues import access as issue_access
from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import Project, task


def _board(user: Any, p: Project) -> str:
    client = Client()
    client.force_login(user)
    return client.get(reverse("tasks:board", args=[p.collab.ref])).content.decode()


def test_the_link_shows_for_a_raiser_and_not_otherwise(
    org: Org, proj: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = task(org, proj)
    services.task_move(actor=proj.rob, task=t, status="in_progress")
    services.task_move(actor=proj.rob, task=t, status="blocked", blocked_reason="等待接口")
    assert 'data-testid="card-raise-issue"' in _board(proj.leo, proj)
    monkeypatch.setattr(issue_access, "can_raise_now", lambda user, collab: False)
    html = _board(proj.leo, proj)
    assert 'data-testid="card-raise-issue"' not in html
    assert "等待接口" in html  # the reason still shows
