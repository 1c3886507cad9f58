"""RACI rules: exactly one A and at least one R per task and deliverable; shown, and blocking."""

import pytest
from django.test import Client

from concord.lib.errors import DomainError
from concord.planning import services
from concord.planning.validation import row_problems
from tests.personas import Org
from tests.planning.helpers import collaboration, ready_plan


@pytest.mark.parametrize(
    ("letters", "count"),
    [([], 2), (["R"], 1), (["A"], 1), (["A", "A", "R"], 1), (["A", "R", "C", "I"], 0)],
)
def test_it_counts_what_is_wrong_with_a_row(letters: list[str], count: int) -> None:
    assert len(row_problems(letters)) == count


def test_a_second_accountable_blocks_sign_off_and_is_shown_on_the_grid(org: Org) -> None:
    collab = collaboration(org)
    version = ready_plan(org, collab)
    task = version.wbs.get()
    services.raci_set(
        actor=org.alice,
        collaboration=collab,
        row="wbs",
        row_id=task.pk,
        letter="A",
        department_id=org.rnd.pk,
    )
    with pytest.raises(DomainError) as refused:
        services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    assert refused.value.code == "invalid"
    assert any("1 接口开发" in m for m in refused.value.details["raci"])
    version.refresh_from_db()
    assert version.state == "draft"

    client = Client()
    client.force_login(org.alice)
    page = client.get(f"/collaborations/{collab.number}/plan/").content.decode()
    assert 'class="table-danger"' in page
    assert page.count('data-testid="raci-problem"') == 2  # no R left, two A's


def test_clicking_a_cell_moves_it_to_the_next_letter(org: Org) -> None:
    collab = collaboration(org)
    version = ready_plan(org, collab)
    task = version.wbs.get()
    client = Client()
    client.force_login(org.alice)
    url = f"/collaborations/{collab.number}/plan/raci/wbs/{task.pk}/{org.rnd.pk}/"
    response = client.post(url, {"letter": "A"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'data-testid="raci"' in response.content.decode()
    assert task.raci.get(department=org.rnd).letter == "A"
