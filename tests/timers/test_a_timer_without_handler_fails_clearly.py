from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule


def test_it_marks_the_timer_failed_and_goes_on(org: Org, fired: FireLog) -> None:
    """An unknown kind is a deployment mistake: fail it with a clear error, do not crash."""
    orphan = schedule(org.market, kind="test.nobody_handles_this")
    other = schedule(org.market)

    result = sweep()

    assert (result.fired, result.failed) == (1, 1)
    assert fired.calls == [other.pk]
    orphan.refresh_from_db()
    assert orphan.state == Timer.State.FAILED
    assert orphan.last_error == (
        "no handler is registered for timer kind 'test.nobody_handles_this'"
    )
    assert sweep().claimed == 0
