import pytest
from django.db import transaction

from concord.notifications.models import Delivery, Notification
from concord.notifications.services import notify
from concord.timers.models import Timer
from tests.notifications.helpers import PING, ping
from tests.personas import Org


def test_it_writes_a_notification_a_delivery_and_a_timer(org: Org) -> None:
    """notify leaves the inbox row, the email delivery and a timer due now."""
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    assert row.recipient == org.alice
    assert row.kind == PING
    assert row.params == {"who": "马经理", "what": "Q3"}
    assert row.event is not None
    assert row.event.verb == "tests.pinged"
    delivery = Delivery.objects.get(notification=row)
    assert (delivery.channel, delivery.address, delivery.status) == (
        "email",
        "alice@example.com",
        "pending",
    )
    timer = Timer.objects.get(kind="notifications.deliver", subject_id=delivery.pk)
    assert timer.state == Timer.State.PENDING
    assert timer.due_at <= delivery.next_attempt_at  # type: ignore[operator]


def test_it_rolls_back_with_the_callers_change(org: Org) -> None:
    """When the causing service fails, no notification, delivery or timer remains."""
    before = (Notification.objects.count(), Delivery.objects.count(), Timer.objects.count())

    @transaction.atomic
    def failing_service() -> None:
        ping(actor=org.mark, recipients=[org.alice, org.rita], subject=org.market)
        assert Notification.objects.count() == before[0] + 2
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        failing_service()
    after = (Notification.objects.count(), Delivery.objects.count(), Timer.objects.count())
    assert after == before


@pytest.mark.django_db(transaction=True)
def test_it_must_be_called_inside_a_transaction(org: Org) -> None:
    """Called on its own, notify could commit without the change it announces."""
    with pytest.raises(RuntimeError, match="transaction"):
        notify(recipients=[org.alice], kind=PING, subject=None, params={})


def test_it_refuses_an_unknown_kind(org: Org) -> None:
    with pytest.raises(ValueError, match="unknown notification kind"), transaction.atomic():
        notify(recipients=[org.alice], kind="tests.nope", subject=None, params={})
