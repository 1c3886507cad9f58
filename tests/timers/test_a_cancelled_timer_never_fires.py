from datetime import timedelta

import pytest
from django.db import transaction

from concord.timers.models import Timer
from concord.timers.services import timer_cancel
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.timers.conftest import FireLog, schedule


def test_it_never_fires_a_cancelled_timer(org: Org, fired: FireLog) -> None:
    timer = schedule(org.market, in_=timedelta(minutes=-1))

    with transaction.atomic():
        assert timer_cancel(subject=org.market) == 1

    assert sweep().claimed == 0
    assert fired.calls == []
    timer.refresh_from_db()
    assert timer.state == Timer.State.CANCELLED
    assert timer.cancelled_at is not None


def test_it_cancels_only_the_given_kind_of_the_given_subject(
    org: Org, fired: FireLog, handler_for
) -> None:  # type: ignore[no-untyped-def]
    handler_for("test.other", lambda timer: None)
    keep_kind = schedule(org.market, kind="test.other")
    keep_subject = schedule(org.rnd)
    schedule(org.market)
    schedule(org.market)

    with transaction.atomic():
        assert timer_cancel(subject=org.market, kind="test.record") == 2

    assert sweep().fired == 2
    assert fired.calls == [keep_subject.pk]
    keep_kind.refresh_from_db()
    assert keep_kind.state == Timer.State.FIRED


def test_it_leaves_fired_timers_alone(org: Org, fired: FireLog) -> None:
    """Cancelling after the fact changes nothing and counts nothing."""
    timer = schedule(org.market)
    sweep()

    with transaction.atomic():
        assert timer_cancel(subject=org.market) == 0

    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED


# The usual test transaction would hide the mistake this test is about.
@pytest.mark.django_db(transaction=True)
def test_it_must_be_cancelled_inside_a_transaction(org: Org) -> None:
    with pytest.raises(RuntimeError, match="inside the domain service's transaction"):
        timer_cancel(subject=org.market)
