from datetime import timedelta

import time_machine
from django.utils import timezone

from concord.activity.models import Event
from concord.activity.services import event_record
from concord.timers.models import Timer
from concord.timers.sweep import MAX_ATTEMPTS, backoff, sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule


def _write_then_fail(timer: Timer) -> None:
    event_record(actor=None, verb="test.half_done", subject=timer)
    raise RuntimeError("transport down")


def test_it_retries_later_and_rolls_back_the_handlers_work(org: Org, handler_for) -> None:  # type: ignore[no-untyped-def]
    handler_for("test.flaky", _write_then_fail)
    with time_machine.travel(timezone.now(), tick=False):
        timer = schedule(org.market, kind="test.flaky")

        result = sweep()

        assert (result.fired, result.retried, result.failed) == (0, 1, 0)
        timer.refresh_from_db()
        assert timer.state == Timer.State.PENDING
        assert timer.attempts == 1
        assert timer.last_error == "RuntimeError: transport down"
        assert timer.due_at == timezone.now() + timedelta(minutes=1)
    assert not Event.objects.filter(verb="test.half_done").exists()


def test_it_backs_off_longer_each_time_then_gives_up(org: Org, handler_for) -> None:  # type: ignore[no-untyped-def]
    handler_for("test.flaky", _write_then_fail)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        timer = schedule(org.market, kind="test.flaky")
        waits = []
        for _ in range(MAX_ATTEMPTS - 1):
            assert sweep().retried == 1
            timer.refresh_from_db()
            wait = timer.due_at - timezone.now()
            waits.append(wait)
            traveller.shift(wait - timedelta(seconds=1))
            assert sweep().claimed == 0, "retried before its back-off ended"
            traveller.shift(timedelta(seconds=1))

        assert sweep().failed == 1

    assert waits == sorted(waits)
    assert waits[0] == timedelta(minutes=1)
    assert waits[-1] == backoff(MAX_ATTEMPTS - 1)
    timer.refresh_from_db()
    assert timer.state == Timer.State.FAILED
    assert timer.attempts == MAX_ATTEMPTS
    assert sweep().claimed == 0


def test_the_rest_of_the_batch_still_fires(org: Org, fired: FireLog, handler_for) -> None:  # type: ignore[no-untyped-def]
    handler_for("test.flaky", _write_then_fail)
    now = timezone.now()
    first = schedule(org.market, due_at=now - timedelta(minutes=3))
    schedule(org.market, kind="test.flaky", due_at=now - timedelta(minutes=2))
    last = schedule(org.rnd, due_at=now - timedelta(minutes=1))

    result = sweep()

    assert (result.fired, result.retried) == (2, 1)
    assert fired.calls == [first.pk, last.pk]
