"""Two people closing at once: one closes, the other is told; one bundle request at a time.

PostgreSQL only: SQLite serialises writers, so nothing can overlap there.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from concord.activity.models import Event
from concord.closing.archive import services
from concord.closing.archive.models import ArchiveBundle
from concord.lib.errors import DomainError

from .helpers import all_present

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so nothing can overlap there",
    ),
]


def _race(*calls: Callable[[], Any]) -> tuple[list[Any], list[BaseException]]:
    barrier = threading.Barrier(len(calls))
    results: list[Any] = []
    errors: list[BaseException] = []

    def wrap(call: Callable[[], Any]) -> Callable[[], None]:
        def run() -> None:
            try:
                barrier.wait()
                results.append(call())
            except BaseException as exc:
                errors.append(exc)
            finally:
                connections.close_all()

        return run

    threads = [threading.Thread(target=wrap(c)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, errors


def test_two_closers_close_once(org, proj, forms):
    all_present(forms)
    results, errors = _race(
        lambda: services.collaboration_close(actor=org.alice, collaboration=proj.collab),
        lambda: services.collaboration_close(actor=org.pam, collaboration=proj.collab),
    )
    assert len(results) == 1
    assert len(errors) == 1
    assert isinstance(errors[0], DomainError)
    assert errors[0].code == "conflict"
    assert Event.objects.filter(verb="collaboration.closed").count() == 1
    assert ArchiveBundle.objects.filter(collaboration=proj.collab).count() == 1


def test_two_build_requests_queue_one_bundle(org, proj, forms):
    results, errors = _race(
        lambda: services.bundle_request(actor=org.alice, collaboration=proj.collab),
        lambda: services.bundle_request(actor=proj.leo, collaboration=proj.collab),
    )
    assert len(results) == 1
    assert [getattr(e, "code", None) for e in errors] == ["conflict"]
    assert ArchiveBundle.objects.filter(collaboration=proj.collab).count() == 1
