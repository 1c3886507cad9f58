"""The admin shows the outbox read-only and can retry a failed delivery."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.notifications.models import Delivery
from concord.notifications.services import delivery_retry
from concord.timers.sweep import sweep
from tests.notifications.helpers import ping
from tests.personas import Org

# The email goes out in an on_commit callback after the sweep's transaction,
# so these tests commit for real instead of running inside one.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def failed(org: Org, settings) -> Delivery:  # type: ignore[no-untyped-def]
    settings.CONCORD_DELIVERY_MAX_ATTEMPTS = 1
    [row] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    delivery = row.deliveries.get()
    with mock.patch.object(EmailBackend, "send_messages", side_effect=ValueError("bad")):
        sweep()
    settings.CONCORD_DELIVERY_MAX_ATTEMPTS = 8
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    return delivery


@pytest.fixture
def admin_client(client: Client, db: None) -> Client:
    root = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")
    client.force_login(root)
    return client


def test_the_lists_are_read_only(admin_client: Client, failed: Delivery) -> None:
    assert admin_client.get("/admin/notifications/notification/").status_code == 200
    assert admin_client.get("/admin/notifications/delivery/").status_code == 200
    page = admin_client.get(f"/admin/notifications/delivery/{failed.pk}/change/")
    assert page.status_code == 200
    assert "bad" in page.content.decode()  # the attempt is shown inline
    assert admin_client.get("/admin/notifications/delivery/add/").status_code == 403
    assert admin_client.post(f"/admin/notifications/delivery/{failed.pk}/delete/").status_code in (
        403,
        404,
    )


def test_retry_now_sends_a_failed_delivery(admin_client: Client, failed: Delivery) -> None:
    response = admin_client.post(
        "/admin/notifications/delivery/",
        {"action": "retry_now", "_selected_action": [failed.pk]},
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.PENDING
    assert Event.objects.filter(verb="delivery.retried", subject_id=failed.pk).count() == 1
    sweep()
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT
    assert len(mail.outbox) == 1


def test_only_the_pmo_may_retry(org: Org, failed: Delivery) -> None:
    for outsider in (org.oscar, org.mark):
        with pytest.raises(DomainError) as caught:
            delivery_retry(actor=outsider, delivery=failed)
        assert caught.value.code == "forbidden"
    assert delivery_retry(actor=org.pam, delivery=failed).status == Delivery.Status.PENDING


def test_only_a_failed_delivery_can_be_retried(org: Org, failed: Delivery) -> None:
    root = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")
    delivery_retry(actor=root, delivery=failed)
    with pytest.raises(DomainError) as caught:
        delivery_retry(actor=root, delivery=failed)
    assert caught.value.code == "conflict"


def test_the_pmo_sees_failed_deliveries_but_not_notification_texts(
    org: Org, failed: Delivery, client
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(org.pam)
    assert client.get("/admin/notifications/delivery/").status_code == 200
    assert client.get(f"/admin/notifications/delivery/{failed.pk}/change/").status_code == 200
    assert client.get("/admin/notifications/notification/").status_code == 403
