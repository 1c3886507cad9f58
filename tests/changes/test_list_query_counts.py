"""The notices list, the resource requests list and the collaboration page's section cost
the same number of queries whatever the number of rows."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.changes.helpers import established, issue, request_resource
from tests.personas import Org


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("path", "add"),
    [
        ("/changes/", lambda org, collab: issue(org, collab)),
        ("/changes/resources/", lambda org, collab: request_resource(org, collab)),
        ("/", lambda org, collab: issue(org, collab) and request_resource(org, collab)),
    ],
)
def test_it_does_not_grow_with_rows(org: Org, path: str, add: Callable[[Org, Any], Any]) -> None:
    collab = established(org)
    add(org, collab)
    client = Client()
    client.force_login(org.mark)
    url = f"{collab.get_absolute_url()}{path.lstrip('/')}"
    few = _queries(client, url)
    for _i in range(5):
        add(org, collab)
    assert _queries(client, url) == few
