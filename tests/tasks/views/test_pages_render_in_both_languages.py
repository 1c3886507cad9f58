"""Every task page renders for a member, in Chinese (the default) and in English."""

from typing import Any

import pytest
from django.test import Client

from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import Project, task


def _pages(p: Project, number: str) -> list[str]:
    ref = p.collab.number
    return [
        f"/collaborations/{ref}/board/",
        f"/collaborations/{ref}/tasks/",
        f"/collaborations/{ref}/tasks/new/",
        f"/collaborations/{ref}/tasks/{number}/",
        f"/collaborations/{ref}/tasks/{number}/edit/",
        f"/collaborations/{ref}/tasks/import/",
        f"/collaborations/{ref}/tasks/export.xlsx",
        f"/collaborations/{ref}/gantt/",
        f"/collaborations/{ref}/progress/",
        f"/collaborations/{ref}/",
        "/my-work/",
        "/",
    ]


# The Chinese catalog is compiled at the end of the issue, so the Chinese
# run checks the page's language rather than a translated word.
@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "In progress")]
)
def test_it_renders_every_page(
    org: Org, proj: Project, at: Any, language: str, marker: str
) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        services.task_move(actor=proj.rob, task=t, status="in_progress")
        services.progress_post(actor=proj.rob, task=t, text="接口联调中", percent_done=40)
        client = Client(headers={"accept-language": language})
        client.force_login(proj.leo)
        client.cookies["django_language"] = language
        for url in _pages(proj, t.number):
            response = client.get(url)
            assert response.status_code == 200, url
        board = client.get(f"/collaborations/{proj.collab.number}/board/").content.decode()
        assert marker in board
        assert t.number in board


def test_my_work_lists_the_owners_task(org: Org, proj: Project, at: Any) -> None:
    """The owner finds the task on 「我的工作」 with a link to it."""
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        client = Client()
        client.force_login(proj.rob)
        page = client.get("/my-work/").content.decode()
    assert t.get_absolute_url() in page
    assert 'data-kind="task"' in page
