import pytest
from django.core import mail
from django.db import transaction

from concord.activity.models import Event
from concord.notifications.models import Delivery
from concord.orgs.models import Person
from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.notifications.helpers import ping
from tests.personas import Org

# The email goes out in an on_commit callback after the sweep's transaction,
# so these tests commit for real instead of running inside one.
pytestmark = pytest.mark.django_db(transaction=True)


def _set_language(user, language: str) -> None:  # type: ignore[no-untyped-def]
    Person.objects.filter(user=user).update(language=language)


def test_it_emails_the_recipient_on_the_next_sweep(org: Org, settings) -> None:  # type: ignore[no-untyped-def]
    """The sweep sends the email through Django's backend and records the attempt."""
    settings.CONCORD_BASE_URL = "https://concord.example.com"
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market, url="/org/x/")
    assert mail.outbox == []  # nothing is sent inside the user's action
    sweep()
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "马经理 提醒了你"
    assert "关于计划Q3。" in message.body
    assert "https://concord.example.com/org/x/" in message.body
    delivery = Delivery.objects.get(notification=row)
    assert delivery.status == Delivery.Status.SENT
    assert delivery.sent_at is not None
    [attempt] = delivery.attempt_log.all()
    assert attempt.ok is True
    assert attempt.error == ""
    assert Event.objects.filter(verb="delivery.sent", subject_id=delivery.pk).count() == 1


def test_it_writes_in_each_recipients_language(org: Org) -> None:
    """alice reads English, rita Chinese: one notification, two languages."""
    _set_language(org.alice, "en")
    ping(actor=org.mark, recipients=[org.alice, org.rita], subject=org.market)
    sweep()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "alice@example.com": "马经理 pinged you",
        "rita@example.com": "马经理 提醒了你",
    }


def test_a_delivery_is_sent_once(org: Org) -> None:
    """A second sweep, or a stray timer for a sent delivery, sends nothing more."""
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    sweep()
    sweep()
    from concord.notifications.services import delivery_attempt

    with transaction.atomic():
        delivery_attempt(delivery_id=row.deliveries.get().pk)
    assert len(mail.outbox) == 1
    assert not Timer.objects.filter(state=Timer.State.PENDING).exists()
