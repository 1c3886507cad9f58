"""The archive page and the collaboration page cost the same queries for 2 or 8 documents."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.closing.archive import services

from .helpers import upload


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _add(org, proj, start: int, count: int) -> None:
    for n in range(start, start + count):
        upload(proj.leo, proj.collab, "other", title=f"资料{n}")
        upload(proj.leo, proj.collab, "minutes")  # a new version each time
    services.bundle_request(actor=proj.leo, collaboration=proj.collab)


def test_constant(org, proj, forms):
    from concord.timers.sweep import sweep

    forms.add("test.request", "request")
    urls = [f"/collaborations/{proj.collab.number}/archive/", proj.collab.get_absolute_url()]
    _add(org, proj, 0, 2)
    sweep()
    before = [_queries(proj.leo, url) for url in urls]
    _add(org, proj, 2, 6)
    after = [_queries(proj.leo, url) for url in urls]
    assert after == before
