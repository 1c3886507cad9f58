"""Delivery is at least once: a send lost to a crash is tried again when its lease ends.

The sweep's transaction claims the delivery and schedules a lease timer; the
email is sent after that commits. If the process dies before the result is
recorded, the lease timer fires later and the delivery is attempted again.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend

from concord.activity.models import Event
from concord.notifications import services
from concord.notifications.models import Delivery
from concord.notifications.services import DELIVER_TIMER, LEASE, lease
from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.notifications.helpers import ping
from tests.personas import Org

pytestmark = pytest.mark.django_db(transaction=True)

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _delivery(org: Org) -> Delivery:
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    return row.deliveries.get()


def _timers(delivery: Delivery, state: str) -> list[Timer]:
    return list(
        Timer.objects.filter(kind=DELIVER_TIMER, subject_id=delivery.pk, state=state).order_by("id")
    )


def test_the_lease_is_five_minutes_or_the_next_backoff_if_longer() -> None:
    assert timedelta(minutes=5) == LEASE
    assert [lease(n) for n in (0, 1, 2, 3)] == [
        timedelta(minutes=5),
        timedelta(minutes=5),
        timedelta(minutes=15),
        timedelta(minutes=60),
    ]


def test_a_lease_timer_is_pending_while_the_email_is_sent(org: Org) -> None:
    seen: list[list[Timer]] = []
    original = EmailBackend.send_messages

    def spy(backend: EmailBackend, messages: Sequence[EmailMessage]) -> int:
        seen.append(_timers(delivery, Timer.State.PENDING))
        return original(backend, messages)

    with time_machine.travel(START, tick=False):
        delivery = _delivery(org)
        with mock.patch.object(EmailBackend, "send_messages", spy):
            sweep()
    [[lease_timer]] = seen
    assert lease_timer.due_at == START + LEASE


def test_success_cancels_the_lease_timer(org: Org) -> None:
    delivery = _delivery(org)
    sweep()
    assert len(mail.outbox) == 1
    assert _timers(delivery, Timer.State.PENDING) == []
    assert len(_timers(delivery, Timer.State.FIRED)) == 1
    assert len(_timers(delivery, Timer.State.CANCELLED)) == 1  # the lease


def test_a_send_lost_in_a_crash_is_made_when_the_lease_ends(org: Org) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        delivery = _delivery(org)
        # The process dies after the claim committed, before anything was sent.
        with mock.patch.object(services, "_send_and_record", return_value=None):
            sweep()
        assert mail.outbox == []
        delivery.refresh_from_db()
        assert delivery.status == Delivery.Status.PENDING
        assert delivery.attempts == 0
        [lease_timer] = _timers(delivery, Timer.State.PENDING)
        assert lease_timer.due_at == START + LEASE

        traveller.move_to(START + LEASE - timedelta(seconds=1))
        sweep()
        assert mail.outbox == []

        traveller.move_to(START + LEASE)
        sweep()
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.attempts == 1
    assert _timers(delivery, Timer.State.PENDING) == []
    assert Event.objects.filter(verb="delivery.sent", subject_id=delivery.pk).count() == 1


def test_a_failure_to_record_the_result_leaves_the_lease_to_try_again(org: Org) -> None:
    """The sweep goes on; the email may go twice (at least once), never zero times."""
    with time_machine.travel(START, tick=False) as traveller:
        delivery = _delivery(org)
        with mock.patch.object(services, "_record", side_effect=RuntimeError("db went away")):
            result = sweep()
        assert result.fired == 1
        assert len(mail.outbox) == 1
        delivery.refresh_from_db()
        assert delivery.status == Delivery.Status.PENDING
        traveller.move_to(START + LEASE)
        sweep()
    assert len(mail.outbox) == 2
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert _timers(delivery, Timer.State.PENDING) == []
