"""Marking everything read: service, page (plain and htmx), API."""

import pytest
from django.test import Client

from concord.activity.models import Event
from concord.notifications.models import Notification
from concord.notifications.services import notification_mark_all_read
from tests.notifications.helpers import ping
from tests.personas import Org


@pytest.fixture
def inboxes(org: Org) -> None:
    for _ in range(3):
        ping(actor=org.mark, recipients=[org.alice, org.rita], subject=org.market)


def _unread(user) -> int:  # type: ignore[no-untyped-def]
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def test_it_marks_only_my_notifications_with_one_event(org: Org, inboxes: None) -> None:
    assert notification_mark_all_read(actor=org.alice) == 3
    assert _unread(org.alice) == 0
    assert _unread(org.rita) == 3
    [event] = Event.objects.filter(verb="inbox.read_all")
    assert event.actor == org.alice
    assert event.after == {"marked": 3}


def test_with_nothing_unread_it_changes_nothing(org: Org) -> None:
    assert notification_mark_all_read(actor=org.alice) == 0
    assert not Event.objects.filter(verb="inbox.read_all").exists()


def test_the_page_marks_all_and_returns(client: Client, org: Org, inboxes: None) -> None:
    client.force_login(org.alice)
    response = client.post("/inbox/read-all/", {"next": "/inbox/?filter=unread"})
    assert response.status_code == 302
    assert response["Location"] == "/inbox/?filter=unread"
    assert _unread(org.alice) == 0
    assert _unread(org.rita) == 3


def test_htmx_gets_the_list_and_the_new_badge(client: Client, org: Org, inboxes: None) -> None:
    client.force_login(org.alice)
    response = client.post("/inbox/read-all/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="inbox-list"' in html
    assert html.count('data-unread="false"') == 3
    assert 'id="inbox-badge"' in html
    assert "inbox-unread-count" not in html
    assert _unread(org.alice) == 0


def test_it_is_post_only(client: Client, org: Org, inboxes: None) -> None:
    client.force_login(org.alice)
    assert client.get("/inbox/read-all/").status_code == 405
    assert _unread(org.alice) == 3


def test_the_api_marks_all(client: Client, org: Org, inboxes: None) -> None:
    client.force_login(org.alice)
    response = client.post("/api/v1/inbox/read-all")
    assert response.status_code == 200
    assert response.json() == {"marked": 3}
    assert _unread(org.alice) == 0
    assert _unread(org.rita) == 3
