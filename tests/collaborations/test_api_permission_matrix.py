"""The same matrix through the API: 2xx allowed, 403 visible but refused, 404 hidden."""

from typing import Any

import pytest

from tests.collaborations.helpers import decide, draft, established, submitted
from tests.personas import Org

PEOPLE = ["alice", "mark", "dora", "victor", "oscar", "pam"]
NEW = {
    "kind": "project",
    "name": "新品上市推广",
    "background": "背景",
    "goals": "目标",
}


def _returned(org: Org) -> Any:
    collab = submitted(org)
    decide(collab, org.mark, "return", "补充")
    collab.refresh_from_db()
    return collab


# action: (setup, method, path suffix, body, expected status per person)
CASES: dict[str, tuple[Any, str, str, dict[str, Any] | None, dict[str, int]]] = {
    "view": (
        submitted,
        "get",
        "",
        None,
        {"alice": 200, "mark": 200, "dora": 404, "victor": 404, "oscar": 404, "pam": 200},
    ),
    "view draft": (
        draft,
        "get",
        "",
        None,
        {"alice": 200, "mark": 404, "dora": 404, "victor": 404, "oscar": 404, "pam": 404},
    ),
    "update": (
        _returned,
        "patch",
        "",
        {"goals": "新目标"},
        {"alice": 200, "mark": 403, "dora": 404, "victor": 404, "oscar": 404, "pam": 403},
    ),
    "submit": (
        _returned,
        "post",
        "/submit",
        None,
        {"alice": 200, "mark": 403, "dora": 404, "victor": 404, "oscar": 404, "pam": 403},
    ),
    "withdraw": (
        submitted,
        "post",
        "/withdraw",
        None,
        {"alice": 200, "mark": 403, "dora": 404, "victor": 404, "oscar": 404, "pam": 403},
    ),
    "terminate": (
        established,
        "post",
        "/terminate",
        {"reason": "取消"},
        {"alice": 200, "mark": 403, "dora": 404, "victor": 404, "oscar": 404, "pam": 200},
    ),
}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("case", list(CASES))
def test_api_permission_matrix(org: Org, api: Any, case: str, who: str) -> None:
    setup, method, suffix, body, expected = CASES[case]
    collab = setup(org)
    kw = {"json": body} if body is not None else {}
    response = api(who, method, f"/collaborations/{collab.ref}{suffix}", **kw)
    assert response.status_code == expected[who], response.content
    if expected[who] >= 400:
        assert response.json()["code"] == {403: "forbidden", 404: "not_found"}[expected[who]]


@pytest.mark.parametrize("who", PEOPLE)
def test_everyone_may_draft_a_request(org: Org, api: Any, who: str) -> None:
    response = api(who, "post", "/collaborations", json=NEW)
    assert response.status_code == 201
    assert response.json()["state"] == "draft"
    assert response.json()["number"] is None


@pytest.mark.parametrize(
    ("who", "status"), [("rita", 200), ("pam", 200), ("mark", 403), ("alice", 403), ("oscar", 404)]
)
def test_naming_the_contact_of_rnd(org: Org, api: Any, who: str, status: int) -> None:
    collab = established(org)
    response = api(
        who,
        "put",
        f"/collaborations/{collab.number}/departments/{org.rnd.pk}/contact",
        json={"person_id": org.rita.person.pk},
    )
    assert response.status_code == status, response.content
    if status == 200:
        rnd = [d for d in response.json()["departments"] if d["department"]["id"] == org.rnd.pk]
        assert rnd[0]["contact"]["name"] == "任经理"


def test_anonymous_callers_get_401(org: Org, api: Any) -> None:
    collab = submitted(org)
    assert api(None, "get", f"/collaborations/{collab.number}").status_code == 401
