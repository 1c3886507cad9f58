from datetime import timedelta

import time_machine
from django.utils import timezone

from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule


def test_it_waits_until_the_due_time(org: Org, fired: FireLog) -> None:
    """A timer due in an hour stays pending until the clock reaches it."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        timer = schedule(org.market, in_=timedelta(hours=1))

        assert sweep().claimed == 0
        traveller.shift(timedelta(minutes=59))
        assert sweep().claimed == 0
        assert fired.calls == []

        traveller.shift(timedelta(minutes=1))
        assert sweep().fired == 1

    assert fired.calls == [timer.pk]
    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED
