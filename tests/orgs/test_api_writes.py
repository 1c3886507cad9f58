"""Writing the organization over the API: who may, and answers for bad input."""

from typing import Any

import pytest

from concord.orgs.models import Delegation, Department, Person
from tests.personas import Org


def _writes(org: Org) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {
        "create department": ("post", "/departments", {"json": {"name": "新部门", "code": "new"}}),
        "update department": (
            "patch",
            f"/departments/{org.legal.pk}",
            {"json": {"name": "法律事务部"}},
        ),
        "set head": (
            "put",
            f"/departments/{org.legal.pk}/head",
            {"json": {"head_id": org.oscar.person.pk}},
        ),
        "create person": (
            "post",
            "/people",
            {
                "json": {
                    "username": "newbie",
                    "name": "新人",
                    "employee_no": "E-900",
                    "department_id": org.legal.pk,
                }
            },
        ),
        "update person": (
            "patch",
            f"/people/{org.oscar.person.pk}",
            {"json": {"title": "律师"}},
        ),
        "deactivate person": ("post", f"/people/{org.oscar.person.pk}/deactivate", {}),
        "delegate for mark": (
            "post",
            "/delegations",
            {
                "json": {
                    "delegator_id": org.mark.person.pk,
                    "deputy_id": org.rita.person.pk,
                    "starts_on": "2027-01-04",
                    "ends_on": "2027-01-08",
                }
            },
        ),
    }


EXPECTED = {
    # PMO may do everything; mark only delegate his own approvals.
    "pam": dict.fromkeys(
        [
            "create department",
            "update department",
            "set head",
            "create person",
            "update person",
            "deactivate person",
            "delegate for mark",
        ],
        "ok",
    ),
    "mark": {"delegate for mark": "ok"},
    "alice": {},
    "oscar": {},
    None: {},
}


@pytest.mark.parametrize("who", ["pam", "mark", "alice", "oscar", None])
@pytest.mark.parametrize(
    "write",
    [
        "create department",
        "update department",
        "set head",
        "create person",
        "update person",
        "deactivate person",
        "delegate for mark",
    ],
)
def test_permission_matrix(org: Org, api: Any, who: str | None, write: str) -> None:
    method, path, kw = _writes(org)[write]
    response = api(who, method, path, **kw)
    if who is None:
        assert response.status_code == 401
    elif EXPECTED[who].get(write) == "ok":
        assert response.status_code in (200, 201), response.content
    else:
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"


def test_a_refusal_is_a_json_4xx_naming_the_field(org: Org, api: Any) -> None:
    top = org.market.parent
    assert top is not None
    response = api("pam", "patch", f"/departments/{top.pk}", json={"parent_id": org.market.pk})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "parent" in body["details"]
    response = api("pam", "patch", f"/departments/{org.market.pk}", json={"is_active": False})
    assert response.status_code == 409


def test_bad_input_is_4xx_never_500(org: Org, api: Any) -> None:
    cases = [
        ("post", "/departments", {"json": {"name": "", "code": "x"}}, 422),
        ("post", "/departments", {"json": {"name": "甲", "code": "has space"}}, 422),
        ("post", "/departments", {"json": {"name": "甲", "code": "x", "parent_id": 99999}}, 400),
        ("post", "/departments", {"json": {"name": "重复", "code": "market"}}, 400),
        ("put", f"/departments/{org.legal.pk}/head", {"json": {"head_id": 99999}}, 400),
        ("patch", f"/people/{org.alice.person.pk}", {"json": {"level": "emperor"}}, 422),
        ("patch", f"/people/{org.alice.person.pk}", {"json": {"email": "nope"}}, 400),
        (
            "patch",
            f"/people/{org.alice.person.pk}",
            {"json": {"manager_id": org.alice.person.pk}},
            400,
        ),
        ("post", "/delegations", {"json": {"delegator_id": 1}}, 422),
        ("post", "/delegations", {"data": "{not json", "content_type": "application/json"}, 400),
    ]
    for method, path, kw, status in cases:
        response = api("pam", method, path, **kw)
        assert response.status_code == status, (path, kw, response.content)
        assert set(response.json()) >= {"code", "message", "details"}


def test_patch_distinguishes_null_from_absent(org: Org, api: Any) -> None:
    response = api("pam", "patch", f"/people/{org.alice.person.pk}", json={"title": "主管"})
    assert response.json()["manager"]["username"] == "mark"
    response = api("pam", "patch", f"/people/{org.alice.person.pk}", json={"manager_id": None})
    assert response.json()["manager"] is None
    response = api("pam", "patch", f"/departments/{org.legal.pk}", json={"parent_id": None})
    assert response.json()["parent_id"] is None
    assert Department.objects.get(pk=org.legal.pk).parent is None


def test_a_person_revokes_their_own_delegation_but_not_anothers(org: Org, api: Any) -> None:
    body = api(
        "mark",
        "post",
        "/delegations",
        json={
            "delegator_id": org.mark.person.pk,
            "deputy_id": org.alice.person.pk,
            "starts_on": "2027-01-04",
            "ends_on": "2027-01-08",
        },
    ).json()
    assert api("alice", "post", f"/delegations/{body['id']}/revoke").status_code == 403
    response = api("mark", "post", f"/delegations/{body['id']}/revoke")
    assert response.status_code == 200
    assert response.json()["is_revoked"] is True
    assert api("mark", "post", f"/delegations/{body['id']}/revoke").status_code == 409
    assert Delegation.objects.get(pk=body["id"]).revoked_at is not None
    listed = api("alice", "get", f"/people/{org.mark.person.pk}/delegations").json()
    assert [d["id"] for d in listed] == [body["id"]]


def test_a_person_changes_their_own_language(org: Org, api: Any) -> None:
    response = api("alice", "patch", f"/people/{org.alice.person.pk}", json={"language": "en"})
    assert response.status_code == 200
    assert Person.objects.get(pk=org.alice.person.pk).language == "en"
