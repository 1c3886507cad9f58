"""The list costs the same number of queries for 2 rows as for 12, page and API."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.collaborations.helpers import established, submitted
from tests.personas import Org


def _count(fn: Any) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = fn()
        assert response.status_code == 200
    return len(ctx.captured_queries)


def _make(org: Org, n: int) -> None:
    for i in range(n):
        (established if i % 2 else submitted)(org, name=f"事项 {i}")


def test_the_page_query_count_is_constant(org: Org, client: Any) -> None:
    client.force_login(org.pam)
    _make(org, 2)
    small = _count(lambda: client.get("/collaborations/?waiting=0"))
    _make(org, 10)
    large = _count(lambda: client.get("/collaborations/?waiting=0"))
    assert large == small


def test_the_api_query_count_is_constant(org: Org, api: Any) -> None:
    _make(org, 2)
    api("mark", "get", "/collaborations")  # token created outside the measurement
    small = _count(lambda: api("mark", "get", "/collaborations?mine=false"))
    _make(org, 10)
    large = _count(lambda: api("mark", "get", "/collaborations?mine=false"))
    assert large == small


def test_the_filters_narrow_the_list(org: Org, client: Any) -> None:
    submitted(org, name="待审批的")
    established(org, name="已立项的")
    client.force_login(org.mark)
    waiting = client.get("/collaborations/?waiting=1").content.decode()
    assert "待审批的" in waiting
    assert "已立项的" not in waiting
    approved = client.get("/collaborations/?state=approved").content.decode()
    assert "已立项的" in approved
    assert "待审批的" not in approved
