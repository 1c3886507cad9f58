"""The 待我审批 page costs the same number of queries for 2 rows as for 12."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.orgs import services
from tests.approvals.conftest import chain_for, start
from tests.personas import Org


def _count(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/approvals/").status_code == 200
    return len(ctx)


def _grow(org: Org, n: int, offset: int) -> None:
    for i in range(offset, offset + n):
        dept = services.department_create(
            actor=None, name=f"子部门{i}", code=f"sub{i}", parent=org.market
        )
        start(org, chain_for(org), subject=dept)


def test_it_does_not_grow_with_rows(org: Org, client: Client) -> None:
    client.force_login(org.mark)
    _grow(org, 2, 0)
    small = _count(client)
    _grow(org, 10, 2)
    large = _count(client)
    assert client.get("/approvals/").content.decode().count('data-testid="waiting-row"') == 12
    assert large == small
