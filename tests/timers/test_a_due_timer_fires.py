from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from concord.timers.models import Timer
from concord.timers.services import timer_schedule
from concord.timers.sweep import last_sweep_at, sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule


def test_it_fires_a_due_timer_once(org: Org, fired: FireLog) -> None:
    """A due timer is handed to its handler and marked fired; a second sweep leaves it alone."""
    timer = schedule(org.market, payload={"note": "remind"})

    result = sweep()

    assert (result.fired, result.retried, result.failed) == (1, 0, 0)
    assert fired.calls == [timer.pk]
    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED
    assert timer.fired_at is not None
    assert timer.payload == {"note": "remind"}
    assert sweep().claimed == 0
    assert fired.calls == [timer.pk]


def test_it_fires_due_timers_oldest_first(org: Org, fired: FireLog) -> None:
    now = timezone.now()
    later = schedule(org.market, due_at=now - timedelta(minutes=1))
    earlier = schedule(org.rnd, due_at=now - timedelta(minutes=5))

    sweep()

    assert fired.calls == [earlier.pk, later.pk]


def test_it_stops_at_the_batch_limit(org: Org, fired: FireLog) -> None:
    for _ in range(3):
        schedule(org.market)

    assert sweep(limit=2).fired == 2
    assert sweep(limit=2).fired == 1


def test_the_handler_sees_the_subject(org: Org, handler_for) -> None:  # type: ignore[no-untyped-def]
    seen = []
    handler_for("test.subject", lambda timer: seen.append(timer.subject_object()))
    schedule(org.market, kind="test.subject")

    sweep()

    assert seen == [org.market]


# The usual test transaction would hide the mistake this test is about.
@pytest.mark.django_db(transaction=True)
def test_it_must_be_scheduled_inside_a_transaction(org: Org) -> None:
    """The domain service's transaction owns the timer, so a bare call is a bug."""
    with pytest.raises(RuntimeError, match="inside the domain service's transaction"):
        timer_schedule(kind="test.record", subject=org.market, due_at=timezone.now())


def test_it_refuses_a_naive_due_time(org: Org) -> None:
    naive = timezone.now().replace(tzinfo=None)
    with pytest.raises(ValueError, match="timezone-aware"), transaction.atomic():
        timer_schedule(kind="test.record", subject=org.market, due_at=naive)


def test_the_sweep_leaves_a_heartbeat(db: None) -> None:
    before = timezone.now()
    sweep()
    swept = last_sweep_at()
    assert swept is not None
    assert swept >= before
