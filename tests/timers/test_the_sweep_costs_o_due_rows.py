from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule


def _sweep_queries(org: Org, future: int) -> int:
    for _ in range(future):
        schedule(org.rnd, in_=timedelta(days=30))
    for _ in range(3):
        schedule(org.market)
    with CaptureQueriesContext(connection) as ctx:
        assert sweep().fired == 3
    Timer.objects.all().delete()
    return len(ctx.captured_queries)


def test_not_due_timers_cost_nothing(org: Org, fired: FireLog) -> None:
    """Queries depend on the due rows only, not on how many wait in the future."""
    assert _sweep_queries(org, 10) == _sweep_queries(org, 1000)


def test_each_due_timer_costs_the_same_few_queries(org: Org, fired: FireLog) -> None:
    counts = []
    for due in (2, 4, 6):
        for _ in range(due):
            schedule(org.market)
        with CaptureQueriesContext(connection) as ctx:
            assert sweep().fired == due
        counts.append(len(ctx.captured_queries))
    per_timer = (counts[1] - counts[0]) // 2
    assert counts[2] - counts[1] == counts[1] - counts[0], counts
    assert 0 < per_timer <= 6


@pytest.mark.django_db
def test_pending_due_times_are_indexed() -> None:
    """The partial index keeps fired history out of the sweep's way."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Timer._meta.db_table)
    index = constraints["timers_pending_due_idx"]
    assert index["index"] is True
    assert index["columns"] == ["due_at"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'timers_pending_due_idx'"
            )
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'timers_pending_due_idx'")
        (definition,) = cursor.fetchone()
    assert "WHERE" in definition.upper()
    assert "pending" in definition
