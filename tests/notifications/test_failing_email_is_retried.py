"""A broken mail server never breaks the user's action; deliveries are retried."""

import smtplib
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from concord.activity.models import Event
from concord.notifications.models import Delivery
from concord.notifications.services import BACKOFF_MINUTES, backoff
from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.notifications.helpers import ping
from tests.personas import Org

# The email goes out in an on_commit callback after the sweep's transaction,
# so these tests commit for real instead of running inside one.
pytestmark = pytest.mark.django_db(transaction=True)

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _broken(exc: Exception):  # type: ignore[no-untyped-def]
    return mock.patch.object(EmailBackend, "send_messages", side_effect=exc)


def _delivery(org: Org) -> Delivery:
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    return row.deliveries.get()


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [
        timedelta(minutes=1),
        timedelta(minutes=5),
        timedelta(minutes=15),
    ]
    assert backoff(50) == timedelta(minutes=BACKOFF_MINUTES[-1])


def test_it_records_the_failure_and_retries_later(org: Org) -> None:
    """The attempt is kept, the next one waits a minute, then the email goes out."""
    with time_machine.travel(START, tick=False):
        with _broken(ConnectionRefusedError("mail server down")):
            delivery = _delivery(org)  # the user's action succeeds regardless
            result = sweep()
        assert result.fired == 1  # the handler itself did not fail
        delivery.refresh_from_db()
        assert delivery.status == Delivery.Status.PENDING
        assert delivery.attempts == 1
        assert "mail server down" in delivery.last_error
        assert delivery.next_attempt_at == START + timedelta(minutes=1)
        [attempt] = delivery.attempt_log.all()
        assert attempt.ok is False
        assert "ConnectionRefusedError" in attempt.error
        assert mail.outbox == []
        # The lease taken for the send gives way to the backoff's retry.
        [retry] = Timer.objects.filter(
            kind="notifications.deliver", subject_id=delivery.pk, state=Timer.State.PENDING
        )
        assert retry.due_at == START + timedelta(minutes=1)

    with time_machine.travel(START + timedelta(seconds=30), tick=False):
        sweep()  # not due yet
        assert mail.outbox == []

    with time_machine.travel(START + timedelta(minutes=1), tick=False):
        sweep()
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert [a.ok for a in delivery.attempt_log.order_by("started_at")] == [False, True]
    verbs = Event.objects.filter(subject_id=delivery.pk, verb__startswith="delivery.")
    assert sorted(verbs.values_list("verb", flat=True)) == [
        "delivery.retry_scheduled",
        "delivery.sent",
    ]
    assert not Timer.objects.filter(
        kind="notifications.deliver", subject_id=delivery.pk, state=Timer.State.PENDING
    ).exists()


def test_it_gives_up_after_the_last_attempt(org: Org, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONCORD_DELIVERY_MAX_ATTEMPTS = 3
    now = START
    with time_machine.travel(now, tick=False) as traveller, _broken(OSError("timed out")):
        delivery = _delivery(org)
        for expected_wait in (1, 5):
            sweep()
            now += timedelta(minutes=expected_wait)
            traveller.move_to(now)
        sweep()
        traveller.move_to(now + timedelta(days=2))
        sweep()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == 3
    assert delivery.attempt_log.count() == 3
    assert delivery.next_attempt_at is None
    assert not Timer.objects.filter(
        kind="notifications.deliver", subject_id=delivery.pk, state=Timer.State.PENDING
    ).exists()


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPRecipientsRefused({"alice@example.com": (550, b"no such user")}),
        smtplib.SMTPDataError(554, b"rejected as spam"),
    ],
    ids=["recipient refused", "permanent 5xx"],
)
def test_a_permanent_failure_is_not_retried(org: Org, error: Exception) -> None:
    with _broken(error):
        delivery = _delivery(org)
        sweep()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == 1
    assert not Timer.objects.filter(
        kind="notifications.deliver", subject_id=delivery.pk, state=Timer.State.PENDING
    ).exists()


def test_a_temporary_smtp_refusal_is_retried(org: Org) -> None:
    with _broken(smtplib.SMTPDataError(451, b"try again later")):
        delivery = _delivery(org)
        sweep()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
