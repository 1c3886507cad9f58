"""Under load: two concurrent publications make each action item's task once; two concurrent
extensions of a series make each occurrence once.

PostgreSQL only: SQLite serialises writers, so nothing can overlap there.
"""

import threading
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from concord.communication import services as comm
from concord.communication.inputs import ItemInput
from concord.meetings import recurrence, services
from concord.meetings.models import Meeting, Series
from concord.tasks.models import Task
from tests.personas import Org
from tests.tasks.helpers import project

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so nothing can overlap there",
    ),
]


def _threads(*targets: Callable[[], None]) -> list[BaseException]:
    errors: list[BaseException] = []

    def wrap(func: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                func()
            except BaseException as exc:
                errors.append(exc)
            finally:
                connections.close_all()

        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def test_two_concurrent_publications_make_each_task_once(org: Org) -> None:
    p = project(org)
    m = services.meeting_schedule(
        actor=p.leo,
        collaboration=p.collab,
        kind="coordination",
        title="协调会",
        starts_at=timezone.now() - timedelta(hours=1),
        duration_minutes=30,
        host=p.leo,
        note_taker=p.leo,
        attendees=[p.rob],
    )
    for i in range(5):
        services.action_add(
            actor=p.leo,
            meeting=m,
            description=f"待办{i}",
            owner=p.rob,
            due_on=date.today() + timedelta(days=7),
        )
    barrier = threading.Barrier(2)

    def publish() -> None:
        barrier.wait(timeout=10)
        services.minutes_publish(actor=p.leo, meeting=m)

    assert _threads(publish, publish) == []
    assert Task.objects.filter(collaboration=p.collab).count() == 5
    assert Meeting.objects.get(pk=m.pk).minutes_revision == 2


def test_two_concurrent_extensions_make_each_occurrence_once(org: Org) -> None:
    p = project(org)
    comm.comm_plan_create(actor=org.pam, collaboration=p.collab)
    item = comm.comm_item_add(
        actor=org.pam,
        collaboration=p.collab,
        data=ItemInput(
            topic="周例会", channel="meeting", rrule="FREQ=WEEKLY;BYDAY=MO", owner=p.leo
        ),
    )
    series = recurrence.series_create(actor=p.leo, comm_item=item)
    before = Meeting.objects.filter(series=series).count()
    later = timezone.now() + timedelta(weeks=2)
    barrier = threading.Barrier(2)

    def extend() -> None:
        barrier.wait(timeout=10)
        recurrence.series_extend(series=Series.objects.get(pk=series.pk), now=later)

    assert _threads(extend, extend) == []
    starts = list(Meeting.objects.filter(series=series).values_list("series_start", flat=True))
    assert len(starts) == len(set(starts))
    assert len(starts) in (before + 2, before + 3)
