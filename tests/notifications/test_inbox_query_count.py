"""The inbox page and API cost the same number of queries for 2 rows as for 20."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.timers.sweep import sweep
from tests.notifications.helpers import ping
from tests.personas import Org

# The email goes out in an on_commit callback after the sweep's transaction,
# so these tests commit for real instead of running inside one.
pytestmark = pytest.mark.django_db(transaction=True)


def _fill(org: Org, count: int) -> None:
    for _ in range(count):
        ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    sweep()  # so rows carry deliveries and attempts too


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_inbox_page_does_not_grow_with_rows(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    _fill(org, 2)
    few = _queries(client, "/inbox/")
    _fill(org, 18)
    assert _queries(client, "/inbox/") == few


def test_the_inbox_api_does_not_grow_with_rows(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    _fill(org, 2)
    few = _queries(client, "/api/v1/inbox")
    _fill(org, 18)
    assert _queries(client, "/api/v1/inbox") == few
