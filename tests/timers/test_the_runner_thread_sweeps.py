"""The runner thread of the embedded profile."""

import threading
from collections.abc import Iterator

import pytest
from django.db import connections

from concord.timers import runner as runner_module
from concord.timers.models import Timer
from concord.timers.runner import Runner, wake
from tests.personas import Org
from tests.timers.conftest import schedule

WAIT = 30  # seconds; only ever reached when the test is about to fail


@pytest.fixture
def signalled(handler_for) -> threading.Event:  # type: ignore[no-untyped-def]
    done = threading.Event()
    handler_for("test.signal", lambda timer: done.set())
    return done


@pytest.fixture
def runner() -> Iterator[Runner]:
    # An hour between sweeps: anything that fires in the test was woken.
    r = Runner(interval=3600)
    yield r
    r.stop(timeout=WAIT)
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_wake_makes_the_runner_sweep_at_once(
    org: Org, runner: Runner, signalled: threading.Event
) -> None:
    runner.start()
    assert runner_module.current() is runner
    timer = schedule(org.market, kind="test.signal")

    wake()

    assert signalled.wait(WAIT)
    runner.stop(timeout=WAIT)
    assert not runner.is_alive()
    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED
    assert runner_module.current() is None


@pytest.mark.django_db(transaction=True)
def test_it_sweeps_on_its_interval_without_being_woken(
    org: Org, signalled: threading.Event
) -> None:
    schedule(org.market, kind="test.signal")
    r = Runner(interval=0.01)
    r.start()
    try:
        assert signalled.wait(WAIT)
    finally:
        r.stop(timeout=WAIT)
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_it_survives_a_failing_sweep(
    org: Org, runner: Runner, signalled: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_sweep = runner_module.sweep
    calls = []
    failed = threading.Event()

    def broken_once(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        if len(calls) == 1:
            failed.set()
            raise RuntimeError("database went away")
        return real_sweep(**kwargs)

    monkeypatch.setattr(runner_module, "sweep", broken_once)
    runner.start()
    assert failed.wait(WAIT)
    schedule(org.market, kind="test.signal")

    wake()

    assert signalled.wait(WAIT)
    assert runner.is_alive()


@pytest.mark.django_db(transaction=True)
def test_stop_lets_the_current_sweep_finish(org: Org, runner: Runner, handler_for) -> None:  # type: ignore[no-untyped-def]
    entered = threading.Event()
    release = threading.Event()

    def slow(timer: Timer) -> None:
        entered.set()
        assert release.wait(WAIT)

    handler_for("test.slow", slow)
    timer = schedule(org.market, kind="test.slow")
    runner.start()
    assert entered.wait(WAIT)

    stopper = threading.Thread(target=runner.stop, kwargs={"timeout": WAIT})
    stopper.start()
    assert runner.stopping
    assert runner.is_alive(), "stop() must not abandon a sweep in the middle"
    release.set()
    stopper.join(WAIT)

    assert not runner.is_alive()
    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED


def test_wake_without_a_runner_does_nothing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONCORD_RUNNER = "thread"
    assert runner_module.current() is None
    wake()
