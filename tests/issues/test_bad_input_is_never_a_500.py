"""Ids no database column can hold are a form error or a 4xx, never a 500."""

from typing import Any

from django.test import Client

from concord.issues.models import Issue
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import raise_issue

HUGE = "99999999999999999999999"


def test_pages(org: Org, proj: Project) -> None:
    issue = raise_issue(org, proj, level=2)
    client = Client(raise_request_exception=False)
    client.force_login(proj.leo)
    base = f"/collaborations/{proj.collab.number}/issues/"
    for url in (
        f"{base}?department={HUGE}",
        f"/issues/?department={HUGE}",
        f"{base}new/?meeting={HUGE}",
    ):
        assert client.get(url).status_code == 200, url
    response = client.post(
        f"{base}new/", {"title": "x", "owner": proj.rob.pk, "level": "1", "departments": [HUGE]}
    )
    assert response.status_code == 200
    assert "departments" in response.context["form"].errors
    response = client.post(
        f"{issue.get_absolute_url()}meeting/",
        {"starts_at": "2026-12-01T10:00", "duration_minutes": "60", "attendees": [HUGE]},
    )
    assert response.status_code == 200
    assert "attendees" in response.context["form"].errors
    assert Issue.objects.count() == 1


def test_api(org: Org, proj: Project, api: Any) -> None:
    base = f"/collaborations/{proj.collab.number}/issues"
    assert api("alice", "get", f"/issues?department_id={HUGE}").status_code == 422
    assert api("alice", "get", f"{base}?department_id={HUGE}").status_code == 422
    response = api(
        "alice", "post", base, json={"title": "x", "owner": "alice", "department_ids": [int(HUGE)]}
    )
    assert response.status_code == 422
    response = api("alice", "post", base, json={"title": "x", "owner": "alice", "meeting": 10**30})
    assert response.status_code == 422
    assert Issue.objects.count() == 0
