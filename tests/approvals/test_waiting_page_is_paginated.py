"""待我审批 shows everything waiting, a page at a time, oldest first across pages."""

import pytest
from django.test import Client

from concord.approvals import views
from concord.orgs import services
from tests.approvals.conftest import chain_for, start
from tests.personas import Org


@pytest.fixture
def three_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "WAITING_PAGE_SIZE", 3)


def _rows(client: Client, query: str = "") -> int:
    html = client.get(f"/approvals/{query}").content.decode()
    return html.count('data-testid="waiting-row"')


@pytest.mark.usefixtures("three_per_page")
def test_every_waiting_step_is_reachable_page_by_page(org: Org, client: Client) -> None:
    for i in range(7):
        dept = services.department_create(
            actor=None, name=f"子部门{i}", code=f"sub{i}", parent=org.market
        )
        start(org, chain_for(org), subject=dept)
    client.force_login(org.mark)
    assert [_rows(client, f"?page={n}") for n in (1, 2, 3)] == [3, 3, 1]
    first = client.get("/approvals/").content.decode()
    assert 'data-testid="waiting-pages"' in first
    assert "1 / 3" in first


@pytest.mark.usefixtures("three_per_page")
def test_a_page_number_out_of_range_shows_the_last_page(org: Org, client: Client) -> None:
    for i in range(4):
        dept = services.department_create(
            actor=None, name=f"子部门{i}", code=f"sub{i}", parent=org.market
        )
        start(org, chain_for(org), subject=dept)
    client.force_login(org.mark)
    assert _rows(client, "?page=99") == 1
    assert _rows(client, "?page=abc") == 3
