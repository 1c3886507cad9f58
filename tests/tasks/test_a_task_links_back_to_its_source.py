"""A task made from something else (an action item, an issue) links back to it."""

from typing import Any

from django.test import Client

from tests.personas import Org
from tests.tasks.helpers import Project, task


def test_the_task_page_links_to_what_the_task_came_from(org: Org, proj: Project, at: Any) -> None:
    # The collaboration stands in for any source with a page of its own.
    with at("2026-07-02 10:00"):
        t = task(org, proj, source=proj.collab)
    t.refresh_from_db()
    assert t.source == proj.collab
    client = Client(headers={"accept-language": "en"})
    client.force_login(proj.rob)
    html = client.get(f"/collaborations/{proj.collab.number}/tasks/{t.number}/").content.decode()
    assert "Comes from" in html
    assert f'href="{proj.collab.get_absolute_url()}"' in html


def test_a_task_without_a_source_says_nothing_about_one(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
    client = Client(headers={"accept-language": "en"})
    client.force_login(proj.rob)
    html = client.get(f"/collaborations/{proj.collab.number}/tasks/{t.number}/").content.decode()
    assert "Comes from" not in html
