"""Twenty requests submitted at the same moment get 0001..0020: no gap, no duplicate."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from concord.collaborations import services
from tests.collaborations.helpers import draft
from tests.personas import Org

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite takes one writer at a time; row locks need PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]

COUNT = 20


def test_concurrent_submissions_take_consecutive_numbers(org: Org) -> None:
    drafts = [draft(org, name=f"并发申请 {i}") for i in range(COUNT)]
    barrier = threading.Barrier(COUNT)
    errors: list[BaseException] = []

    def submit(collab_pk: int) -> None:
        try:
            from concord.collaborations.models import Collaboration

            collab = Collaboration.objects.get(pk=collab_pk)
            barrier.wait(timeout=30)
            services.request_submit(actor=org.alice, collaboration=collab)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(c.pk,)) for c in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    from concord.collaborations.models import Collaboration

    numbers = sorted(Collaboration.objects.values_list("number", flat=True))
    year = timezone.localdate().year
    assert numbers == [f"XQ-{year}-{n:04d}" for n in range(1, COUNT + 1)]
