from django.db import transaction

from concord.notifications.models import Delivery, Notification
from tests.notifications.helpers import ping
from tests.personas import Org


def test_it_does_not_notify_the_actor(org: Org) -> None:
    rows = ping(actor=org.mark, recipients=[org.mark, org.alice], subject=org.market)
    assert [r.recipient for r in rows] == [org.alice]
    assert not Notification.objects.filter(recipient=org.mark).exists()


def test_it_notifies_each_person_once(org: Org) -> None:
    rows = ping(actor=org.mark, recipients=[org.alice, org.rita, org.alice], subject=org.market)
    assert sorted(r.recipient.username for r in rows) == ["alice", "rita"]
    assert Delivery.objects.count() == 2


def test_nobody_left_writes_nothing(org: Org) -> None:
    assert ping(actor=org.mark, recipients=[org.mark], subject=org.market) == []


def test_an_inactive_person_gets_the_inbox_row_but_no_email(org: Org) -> None:
    org.rita.is_active = False
    org.rita.save(update_fields=["is_active"])
    [row] = ping(actor=org.mark, recipients=[org.rita], subject=org.market)
    assert not Delivery.objects.filter(notification=row).exists()


def test_a_person_without_an_address_gets_no_email(org: Org) -> None:
    org.alice.email = ""
    org.alice.save(update_fields=["email"])
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    assert not Delivery.objects.filter(notification=row).exists()


def test_the_system_may_notify_without_an_actor(org: Org) -> None:
    with transaction.atomic():
        [row] = ping(actor=None, recipients=[org.alice], subject=org.market)
    assert row.actor is None
    assert row.params["who"] == "Concord"
