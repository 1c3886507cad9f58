"""Requests racing to override the same new date leave one row and one event."""

import threading

import pytest
from django.db import connection, connections

from concord.activity.models import Event
from concord.orgs import services
from concord.orgs.models import CalendarOverride
from tests.personas import Org

THREADS = 4


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so the requests cannot overlap there",
)
def test_racing_sets_of_the_same_day_agree(org: Org) -> None:
    from datetime import date

    day = date(2027, 2, 8)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            services.calendar_override_set(actor=org.pam, day=day, is_working=False, note="春节")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert CalendarOverride.objects.filter(day=day).count() == 1
    assert Event.objects.filter(verb="calendar.override_set").count() == 1
