"""The team over the API: 2xx for the team's managers, 403 for others who see it, 404 hidden."""

from typing import Any

import pytest

from concord.collaborations import services
from tests.collaborations.helpers import established
from tests.personas import Org


@pytest.mark.parametrize(
    ("who", "status"),
    [("alice", 200), ("pam", 200), ("mark", 403), ("rita", 403), ("oscar", 404)],
)
def test_naming_the_lead(org: Org, api: Any, who: str, status: int) -> None:
    collab = established(org)
    response = api(
        who,
        "put",
        f"/collaborations/{collab.number}/team/lead",
        json={"person_id": org.rita.person.pk},
    )
    assert response.status_code == status, response.content
    if status == 200:
        roles = {(m["person"]["name"], m["role"]) for m in response.json()["team"]}
        assert ("任经理", "lead") in roles


def test_the_lead_then_manages_the_team(org: Org, api: Any) -> None:
    collab = established(org)
    services.team_set_lead(actor=org.alice, collaboration=collab, user=org.rita)
    response = api(
        "rita",
        "put",
        f"/collaborations/{collab.number}/team/sponsor",
        json={"person_id": org.victor.person.pk},
    )
    assert response.status_code == 200, response.content
    team = api("rita", "get", f"/collaborations/{collab.number}/team").json()
    assert team["lead"]["name"] == "任经理"
    assert team["sponsor"]["name"] == "魏副总"


@pytest.mark.parametrize(("who", "status"), [("alice", 201), ("mark", 403), ("oscar", 404)])
def test_adding_a_department(org: Org, api: Any, who: str, status: int) -> None:
    collab = established(org)
    response = api(
        who,
        "post",
        f"/collaborations/{collab.number}/departments",
        json={"department_id": org.legal.pk},
    )
    assert response.status_code == status, response.content
    if status == 201:
        ids = [d["department"]["id"] for d in response.json()["departments"]]
        assert org.legal.pk in ids


def test_lead_department_members_and_bad_input(org: Org, api: Any) -> None:
    collab = established(org)
    base = f"/collaborations/{collab.number}"
    response = api("alice", "put", f"{base}/departments/{org.rnd.pk}/lead")
    assert response.status_code == 200
    leads = [d["department"]["id"] for d in response.json()["departments"] if d["is_lead"]]
    assert leads == [org.rnd.pk]
    added = api("rita", "post", f"{base}/members", json={"person_id": org.rita.person.pk})
    assert added.status_code == 201, added.content
    assert added.json()["role"] == "member"
    refused = api("mark", "delete", f"{base}/members/{added.json()['id']}")
    assert refused.status_code == 403
    removed = api("rita", "delete", f"{base}/members/{added.json()['id']}")
    assert removed.status_code == 204
    missing = api("alice", "post", f"{base}/members", json={"person_id": 999999})
    assert missing.status_code == 400
    assert "person_id" in missing.json()["details"]
    wrong = api("alice", "post", f"{base}/members", json={"person_id": "x"})
    assert wrong.status_code in {400, 422}
