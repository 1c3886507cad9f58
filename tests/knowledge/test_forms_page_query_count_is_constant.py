"""The forms page costs the same queries for 2 or 8 tasks, notices and resource requests."""

from datetime import date
from decimal import Decimal
from typing import Any

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.changes import services as change_services
from tests.changes.helpers import issue
from tests.knowledge.forms_helpers import DAY, full
from tests.personas import Org
from tests.tasks.helpers import task


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_it_does_not_grow_with_the_rows(org: Org) -> None:
    p = full(org)
    url = f"/collaborations/{p.collab.number}/forms/"
    with time_machine.travel(DAY, tick=False):
        before = _queries(p.leo, url)
        for i in range(6):
            task(org, p, title=f"任务{i}")
            issue(org, p.collab, title=f"调整{i}", effective_on=date(2026, 8, 3))
            change_services.resource_request_create(
                actor=org.alice,
                collaboration=p.collab,
                kind="people",
                description=f"人力{i}",
                quantity=2,
                amount=Decimal("1000.00"),
                justification="赶工",
                period_from=date(2026, 7, 6),
                period_to=date(2026, 7, 31),
            )
        after = _queries(p.leo, url)
    assert after == before
