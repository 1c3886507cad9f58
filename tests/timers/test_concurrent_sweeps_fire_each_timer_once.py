"""Two sweeps at once must fire every timer exactly once."""

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from concord.timers.models import Timer
from concord.timers.sweep import SweepResult, sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule

COUNT = 200


@pytest.fixture
def fire_table(db: None) -> Iterator[str]:
    """A table whose primary key refuses a second firing of the same timer."""
    name = "test_timer_fired_once"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {name} (timer_id bigint PRIMARY KEY)")
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {name}")


def _inserting_handler(table: str, log: FireLog):  # type: ignore[no-untyped-def]
    def handle(timer: Timer) -> None:
        log(timer)
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table} (timer_id) VALUES (%s)", [timer.pk])

    return handle


def _fired_rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), COUNT(DISTINCT timer_id) FROM {table}")
        total, distinct = cursor.fetchone()
    assert total == distinct
    return int(total)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so sweeps cannot overlap there",
)
def test_two_concurrent_sweeps_fire_each_timer_exactly_once(
    org: Org, fire_table: str, handler_for
) -> None:  # type: ignore[no-untyped-def]
    log = FireLog()
    handler_for("test.once", _inserting_handler(fire_table, log))
    due = timezone.now() - timedelta(seconds=1)
    with transaction.atomic():
        for _ in range(COUNT):
            schedule(org.market, kind="test.once", due_at=due)

    barrier = threading.Barrier(2)
    results: list[SweepResult] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(sweep(limit=COUNT))
        except BaseException as exc:
            errors.append(exc)
        finally:
            # Each thread got its own connection; leave none behind.
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert len(results) == 2
    assert sum(r.fired for r in results) == COUNT
    assert all(r.retried == r.failed == 0 for r in results)
    # Both really worked: skip-locked shared the rows instead of serialising.
    assert all(r.fired > 0 for r in results), [r.fired for r in results]
    assert sorted(log.calls) == sorted(set(log.calls))
    assert len(log.calls) == COUNT
    assert _fired_rows(fire_table) == COUNT
    assert Timer.objects.filter(state=Timer.State.FIRED, attempts=0).count() == COUNT


@pytest.mark.django_db(transaction=True)
def test_interleaved_sweeps_never_fire_a_timer_twice(
    org: Org, fire_table: str, handler_for
) -> None:  # type: ignore[no-untyped-def]
    """A sweep started inside another's handler (the worst interleaving) skips the busy row.

    Runs on SQLite too, where two sweeps can never overlap in time.
    """
    log = FireLog()
    insert = _inserting_handler(fire_table, log)
    inner: list[SweepResult] = []

    def handle(timer: Timer) -> None:
        insert(timer)
        if not inner:
            # A second sweep on the same connection, inside the first one's
            # transaction: our own row lock does not stop it, so only the
            # claim (state changed before the handler runs) can.
            inner.append(sweep(limit=COUNT))

    handler_for("test.once", handle)
    due = timezone.now() - timedelta(seconds=1)
    with transaction.atomic():
        for _ in range(20):
            schedule(org.market, kind="test.once", due_at=due)

    first = sweep(limit=10)
    second = sweep(limit=COUNT)

    assert len(log.calls) == 20
    assert len(set(log.calls)) == 20
    assert _fired_rows(fire_table) == 20
    assert first.fired + second.fired + sum(r.fired for r in inner) == 20
    assert Timer.objects.exclude(state=Timer.State.FIRED).count() == 0
