"""In the browser a row's letter may go to a person of a participating department.

The person's letters count with the departments' (exactly one A, at least
one R) and are listed in the .xlsx export.
"""

from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from concord.lib.errors import DomainError
from concord.planning import services
from concord.planning.validation import raci_problems
from tests.personas import Org
from tests.planning.helpers import collaboration, ready_plan


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_adds_a_person_to_a_row_and_the_grid_shows_them(org: Org) -> None:
    """POSTing "add person" answers the grid with the person's cell in the row."""
    collab = collaboration(org)
    task = ready_plan(org, collab).wbs.get()
    url = f"/collaborations/{collab.number}/plan/raci/wbs/{task.pk}/person/"
    page = _client(org.alice).get(f"/collaborations/{collab.number}/plan/").content.decode()
    assert 'data-testid="raci-add-person"' in page
    assert url in page

    response = _client(org.alice).post(
        url, {"person": org.rita.pk, "letter": "C"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    grid = response.content.decode()
    assert f'data-testid="raci-person" data-person="{org.rita.pk}" data-letter="C"' in grid
    assert "任经理" in grid
    assert task.raci.get(person=org.rita).letter == "C"


def test_clicking_a_persons_cell_moves_it_to_the_next_letter_and_clears_it(org: Org) -> None:
    collab = collaboration(org)
    task = ready_plan(org, collab).wbs.get()
    url = f"/collaborations/{collab.number}/plan/raci/wbs/{task.pk}/person/"
    client = _client(org.alice)
    client.post(url, {"person": org.alice.pk, "letter": "I"}, HTTP_HX_REQUEST="true")
    client.post(url, {"person": org.alice.pk, "letter": ""}, HTTP_HX_REQUEST="true")
    assert not task.raci.filter(person=org.alice).exists()


def test_a_plain_post_redirects_to_the_plan(org: Org) -> None:
    collab = collaboration(org)
    task = ready_plan(org, collab).wbs.get()
    response = _client(org.alice).post(
        f"/collaborations/{collab.number}/plan/raci/wbs/{task.pk}/person/",
        {"person": org.rita.pk, "letter": "R"},
    )
    assert response.status_code == 302
    assert task.raci.get(person=org.rita).letter == "R"


@pytest.mark.parametrize("person", ["oscar", "nobody", "junk"])
def test_it_refuses_a_person_outside_the_participating_departments(org: Org, person: str) -> None:
    """Oscar (法务部) does not take part; a missing or garbled id is refused the same way."""
    collab = collaboration(org)
    task = ready_plan(org, collab).wbs.get()
    value = {"oscar": org.oscar.pk, "nobody": 999999, "junk": "x"}[person]
    response = _client(org.alice).post(
        f"/collaborations/{collab.number}/plan/raci/wbs/{task.pk}/person/",
        {"person": value, "letter": "R"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not task.raci.filter(person__isnull=False).exists()


def test_only_those_who_manage_the_plan_may_give_a_person_a_letter(org: Org) -> None:
    collab = collaboration(org)
    task = ready_plan(org, collab).wbs.get()
    with pytest.raises(DomainError) as refused:
        services.raci_set(
            actor=org.oscar,
            collaboration=collab,
            row="wbs",
            row_id=task.pk,
            letter="R",
            person_id=org.rita.pk,
        )
    assert refused.value.code in ("forbidden", "not_found")


def test_a_persons_letters_count_with_the_departments(org: Org) -> None:
    """A person's A is a second A on the row; a person's R alone satisfies "at least one R"."""
    collab = collaboration(org)
    version = ready_plan(org, collab)
    task = version.wbs.get()
    key = f"wbs-{task.pk}"

    def give(letter: str, **party: int) -> None:
        services.raci_set(
            actor=org.alice, collaboration=collab, row="wbs", row_id=task.pk, letter=letter, **party
        )

    assert key not in raci_problems(version)
    give("A", person_id=org.rita.pk)
    assert len(raci_problems(version)[key]) == 1  # two A's
    with pytest.raises(DomainError):
        services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)

    give("R", person_id=org.rita.pk)  # rita's A becomes an R; 研发部's R goes
    give("", department_id=org.rnd.pk)
    assert key not in raci_problems(version)
    page = _client(org.alice).get(f"/collaborations/{collab.number}/plan/").content.decode()
    assert 'data-testid="raci-problem"' not in page

    give("", person_id=org.rita.pk)
    assert len(raci_problems(version)[key]) == 1  # no R left


def test_the_export_lists_people_beside_departments(org: Org) -> None:
    collab = collaboration(org)
    task = ready_plan(org, collab).wbs.get()
    _client(org.alice).post(
        f"/collaborations/{collab.number}/plan/raci/wbs/{task.pk}/person/",
        {"person": org.rita.pk, "letter": "R"},
    )
    response = _client(org.rita).get(f"/collaborations/{collab.number}/plan/raci.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet is not None
    assert sheet["B3"].value == "研发部、任经理"
