"""The organization pages cost the same number of queries however big the org is."""

from datetime import date
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.orgs import services
from tests.personas import Org


def _grow(org: Org, n: int) -> None:
    for i in range(n):
        dept = services.department_create(
            actor=None, name=f"部门{i}", code=f"grow{i}", parent=org.rnd
        )
        person = services.person_create(
            actor=None,
            username=f"grow{i}",
            name=f"员工{i}",
            employee_no=f"G{i}",
            department=org.rnd,
            manager=org.rita,
            title="工程师",
        )
        services.department_set_head(actor=None, department=dept, head=person.user)
        services.delegation_create(
            actor=None,
            delegator=org.rita,
            deputy=person.user,
            starts_on=date(2030 + i, 1, 1),
            ends_on=date(2030 + i, 1, 2),
        )


def _count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


def test_page_queries_do_not_grow_with_rows(org: Org, client: Client) -> None:
    client.force_login(org.pam)  # the PMO sees the most: forms and choices too
    paths = ["/org/", f"/org/departments/{org.rnd.pk}/", f"/org/people/{org.rita.person.pk}/"]
    before: dict[str, Any] = {p: _count(client, p) for p in paths}
    _grow(org, 8)
    after = {p: _count(client, p) for p in paths}
    assert after == before
