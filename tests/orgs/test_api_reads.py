"""Reading the organization over the API."""

from typing import Any

from tests.personas import Org


def test_me_returns_the_profile(org: Org, api: Any) -> None:
    body = api("alice", "get", "/me").json()
    assert body["username"] == "alice"
    assert body["name"] == "艾丽"
    assert body["department"]["code"] == "market"
    assert body["level"] == "staff"
    assert body["is_pmo"] is False
    assert body["manager"]["username"] == "mark"
    assert api("pam", "get", "/me").json()["is_pmo"] is True


def test_departments_list_has_parents_heads_and_counts(org: Org, api: Any) -> None:
    body = api("oscar", "get", "/departments").json()
    market = next(d for d in body if d["code"] == "market")
    assert market["parent_id"] == org.market.parent_id
    assert market["head"]["username"] == "mark"
    assert market["members_count"] == 2
    detail = api("oscar", "get", f"/departments/{org.market.pk}").json()
    assert detail["members_count"] == 2


def test_people_are_paginated_and_filtered(org: Org, api: Any) -> None:
    body = api("alice", "get", "/people").json()
    assert body["count"] == 8
    assert len(body["items"]) == 8
    body = api("alice", "get", f"/people?department={org.market.pk}").json()
    assert {p["username"] for p in body["items"]} == {"alice", "mark"}
    body = api("alice", "get", "/people?q=艾").json()
    assert [p["username"] for p in body["items"]] == ["alice"]
    body = api("alice", "get", "/people?level=gm").json()
    assert [p["username"] for p in body["items"]] == ["grace"]
    person = api("alice", "get", f"/people/{org.mark.person.pk}").json()
    assert person["manager"]["username"] == "dora"


def test_reads_need_a_login_and_unknown_ids_are_404(org: Org, api: Any) -> None:
    assert api(None, "get", "/departments").status_code == 401
    assert api(None, "get", "/me").status_code == 401
    response = api("alice", "get", "/people/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert api("alice", "get", "/departments/999999").status_code == 404
    assert api("alice", "get", "/people?level=emperor").status_code == 422
    assert api("alice", "get", "/people?department=abc").status_code == 422


def test_the_people_list_costs_the_same_for_more_people(
    org: Org, api: Any, django_assert_max_num_queries: Any
) -> None:
    from concord.orgs import services

    api("alice", "get", "/people")  # warm the token
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        api("alice", "get", "/people")
    for i in range(15):
        services.person_create(
            actor=None,
            username=f"extra{i}",
            name=f"员工{i}",
            employee_no=f"X{i}",
            department=org.rnd,
            manager=org.rita,
        )
    with CaptureQueriesContext(connection) as many:
        api("alice", "get", "/people")
    assert len(many) == len(few)
    with CaptureQueriesContext(connection) as depts:
        api("alice", "get", "/departments")
    for i in range(10):
        services.department_create(actor=None, name=f"部门{i}", code=f"d{i}")
    with django_assert_max_num_queries(len(depts)):
        api("alice", "get", "/departments")
