"""The lead sees lagging tasks flagged on the board: the first ten, then a link to the rest."""

from datetime import date
from typing import Any

from django.test import Client

from tests.personas import Org
from tests.tasks.helpers import Project, task


def _board(user: Any, p: Project) -> str:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    response = client.get(f"/collaborations/{p.collab.number}/board/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_few_lagging_tasks_are_all_listed(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        for i in range(3):
            task(org, proj, title=f"逾期 {i}", start_on=None, due_on=date(2026, 7, 3))
    with at("2026-07-10 10:00"):
        html = _board(proj.leo, proj)
    assert html.count('data-testid="lagging-task"') == 3
    assert 'data-testid="lagging-more"' not in html


def test_many_lagging_tasks_show_ten_and_a_link_to_the_rest(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        for i in range(13):
            task(org, proj, title=f"逾期 {i}", start_on=None, due_on=date(2026, 7, 3))
    with at("2026-07-10 10:00"):
        html = _board(proj.leo, proj)
    assert html.count('data-testid="lagging-task"') == 10
    assert 'data-testid="lagging-more"' in html
    assert "and 3 more" in html
    # Every card is still on the board itself.
    assert html.count('data-testid="card"') == 13


def test_the_owner_does_not_get_the_leads_warning(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        task(org, proj, start_on=None, due_on=date(2026, 7, 3))
    with at("2026-07-10 10:00"):
        html = _board(proj.rob, proj)
    assert 'data-testid="lagging"' not in html
