"""The mail server is talked to with no transaction open, so it never holds a lock.

The sweep fires each timer in a transaction that locks the timer row (and,
on SQLite, the whole database); an email sent in there would make every
other writer wait for the mail server.
"""

import threading
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connections, transaction

from concord.notifications.models import Delivery, Notification
from concord.notifications.services import notification_mark_read
from concord.timers.sweep import sweep
from tests.notifications.helpers import ping
from tests.personas import Org

pytestmark = pytest.mark.django_db(transaction=True)

WAIT = 5  # seconds; only ever reached when the test is about to fail


class SpyBackend(BaseEmailBackend):
    """Record whether a transaction was open while sending; run `during_send` meanwhile."""

    in_atomic_block: list[bool] = []
    during_send: Any = None

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        SpyBackend.in_atomic_block.append(transaction.get_connection().in_atomic_block)
        if SpyBackend.during_send is not None:
            SpyBackend.during_send()
        return len(email_messages)


@pytest.fixture
def spy(settings) -> Iterator[type[SpyBackend]]:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = f"{__name__}.SpyBackend"
    SpyBackend.in_atomic_block = []
    SpyBackend.during_send = None
    yield SpyBackend
    SpyBackend.during_send = None


def test_the_transport_sends_with_no_transaction_open(org: Org, spy: type[SpyBackend]) -> None:
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    sweep()
    assert spy.in_atomic_block == [False]
    assert row.deliveries.get().status == Delivery.Status.SENT


def test_a_user_can_write_while_an_email_is_being_sent(org: Org, spy: type[SpyBackend]) -> None:
    """Another writer finishes while the mail server is still answering."""
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    outcome: list[object] = []

    def mark_read() -> None:
        try:
            outcome.append(notification_mark_read(actor=org.alice, notification=row))
        except Exception as exc:  # reported by the assertion below
            outcome.append(exc)
        finally:
            connections.close_all()

    def slow_server() -> None:
        writer = threading.Thread(target=mark_read)
        writer.start()
        writer.join(WAIT)

    spy.during_send = slow_server
    sweep()
    [written] = outcome
    assert isinstance(written, Notification), written
    row.refresh_from_db()
    assert row.read_at is not None
    assert row.deliveries.get().status == Delivery.Status.SENT
