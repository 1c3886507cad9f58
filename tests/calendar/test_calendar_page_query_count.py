"""The month page costs the same number of queries however many days are overridden."""

from datetime import date, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.orgs import services
from tests.personas import Org


def _queries(client: Client, **extra: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/org/calendar/", {"year": 2027, "month": 2}, **extra)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_query_count_does_not_grow_with_the_overrides(org: Org) -> None:
    client = Client()
    client.force_login(org.pam)
    services.calendar_override_set(actor=org.pam, day=date(2027, 2, 8), is_working=False)
    few = _queries(client)
    few_partial = _queries(client, HTTP_HX_REQUEST="true")
    services.calendar_override_set_range(
        actor=org.pam, first=date(2027, 1, 1), last=date(2027, 3, 31), is_working=False, note="n"
    )
    for offset in range(0, 200, 3):
        services.calendar_override_set(
            actor=org.pam, day=date(2027, 4, 1) + timedelta(days=offset), is_working=True
        )
    assert _queries(client) == few
    assert _queries(client, HTTP_HX_REQUEST="true") == few_partial
