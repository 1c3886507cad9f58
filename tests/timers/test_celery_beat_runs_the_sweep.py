"""The scaled-out profile: Celery beat schedules the same sweep on Redis."""

import threading
import uuid
from collections.abc import Iterator

import pytest
from celery.signals import task_postrun
from django.conf import settings
from django.db import connections, transaction

from concord.celery import app
from concord.timers import tasks
from concord.timers.models import Timer
from tests.personas import Org
from tests.timers.conftest import schedule

WAIT = 30


def _redis_or_skip() -> None:
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except Exception as exc:
        pytest.skip(f"Redis not reachable at {settings.REDIS_URL}: {exc}")
    finally:
        client.close()


def test_the_beat_schedule_runs_the_registered_sweep_task() -> None:
    app.loader.import_default_modules()
    entries = app.conf.beat_schedule
    assert entries == settings.CELERY_BEAT_SCHEDULE
    names = {entry["task"] for entry in entries.values()}
    assert "concord.timers.tasks.sweep" in names
    assert app.tasks["concord.timers.tasks.sweep"].name == tasks.sweep.name
    assert entries["concord-sweep"]["schedule"] == float(settings.CONCORD_SWEEP_INTERVAL_SECONDS)


@pytest.fixture
def worker_queue() -> Iterator[str]:
    """Start a real worker in this process, consuming a queue of our own."""
    _redis_or_skip()
    from celery.contrib.testing.worker import start_worker

    # A private queue: other test runs sharing this Redis do not steal our task.
    queue = f"concord-test-{uuid.uuid4().hex}"
    # The worker thread has its own connection; close it after each task or
    # the test database cannot be dropped at the end of the run.
    task_postrun.connect(_close_connections)
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=WAIT
        ):
            yield queue
    finally:
        task_postrun.disconnect(_close_connections)


def _close_connections(**kwargs: object) -> None:
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_a_worker_fires_a_due_timer_through_the_broker(
    org: Org, worker_queue: str, handler_for
) -> None:  # type: ignore[no-untyped-def]
    done = threading.Event()
    # Signalled after the worker's transaction commits, so the row is final.
    handler_for("test.celery", lambda timer: transaction.on_commit(done.set))
    timer = schedule(org.market, kind="test.celery")

    tasks.sweep.apply_async(queue=worker_queue)

    assert done.wait(WAIT), "the worker did not run the sweep"
    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED
