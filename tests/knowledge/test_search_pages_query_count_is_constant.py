"""The search page and the knowledge home cost the same queries for 2 or 12 entries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put

KINDS = ["minutes", "decision", "review", "retrospective", "document", "issue"]


def _queries(user, url):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    client.get(url)  # warm the session and the caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/search/?q=预算", "/search/?q=预算&kind=minutes", "/knowledge/"])
def test_query_count_does_not_grow_with_results(org, url):
    first = established(org)
    second = established(org, name="华东仓储优化")
    for i in range(2):
        put(first, f"预算纪要{i}", "预算", kind=KINDS[i % 6])
    small = _queries(org.alice, url)
    for i in range(10):
        put(second if i % 2 else None, f"预算文件{i}", "预算" * 3, kind=KINDS[i % 6])
    assert _queries(org.alice, url) == small
