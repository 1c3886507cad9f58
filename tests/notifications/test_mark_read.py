"""Marking one notification read: page (plain and htmx), open-and-go, API, service."""

import pytest
from django.test import Client

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.notifications.services import notification_mark_read
from tests.notifications.helpers import ping
from tests.personas import Org


@pytest.fixture
def note(org: Org) -> Notification:
    return ping(actor=org.mark, recipients=[org.alice], subject=org.market, url="/org/calendar/")[0]


def _is_read(note: Notification) -> bool:
    note.refresh_from_db()
    return note.read_at is not None


def test_the_service_marks_read_once_with_one_event(org: Org, note: Notification) -> None:
    notification_mark_read(actor=org.alice, notification=note)
    notification_mark_read(actor=org.alice, notification=note)  # a double click changes nothing
    assert _is_read(note)
    assert Event.objects.filter(verb="inbox.read", subject_id=note.pk).count() == 1


@pytest.mark.parametrize("who", ["rita", "mark", "oscar"])
def test_nobody_else_can_mark_it_read(org: Org, note: Notification, who: str) -> None:
    with pytest.raises(DomainError) as caught:
        notification_mark_read(actor=getattr(org, who), notification=note)
    assert caught.value.code == "not_found"
    assert not _is_read(note)


def test_the_page_marks_read_and_returns_to_the_inbox(
    client: Client, org: Org, note: Notification
) -> None:
    client.force_login(org.alice)
    response = client.post(f"/inbox/{note.pk}/read/")
    assert response.status_code == 302
    assert response["Location"] == "/inbox/"
    assert _is_read(note)


def test_htmx_gets_the_item_and_the_new_badge(client: Client, org: Org, note: Notification) -> None:
    client.force_login(org.alice)
    response = client.post(f"/inbox/{note.pk}/read/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="notification-{note.pk}"' in html
    assert 'data-unread="false"' in html
    assert 'id="inbox-badge"' in html
    assert 'hx-swap-oob="true"' in html
    assert "inbox-unread-count" not in html  # nothing left unread
    assert _is_read(note)


def test_opening_marks_read_and_goes_to_the_link(
    client: Client, org: Org, note: Notification
) -> None:
    client.force_login(org.alice)
    response = client.post(f"/inbox/{note.pk}/open/")
    assert response.status_code == 302
    assert response["Location"] == "/org/calendar/"
    assert _is_read(note)


def test_opening_never_leaves_the_site(client: Client, org: Org) -> None:
    [note] = ping(
        actor=org.mark, recipients=[org.alice], subject=org.market, url="https://evil.example/"
    )
    client.force_login(org.alice)
    assert client.post(f"/inbox/{note.pk}/open/")["Location"] == "/inbox/"


@pytest.mark.parametrize("action", ["read", "open"])
def test_changes_are_post_only(client: Client, org: Org, note: Notification, action: str) -> None:
    client.force_login(org.alice)
    assert client.get(f"/inbox/{note.pk}/{action}/").status_code == 405
    assert not _is_read(note)


@pytest.mark.parametrize("action", ["read", "open"])
def test_someone_elses_notification_is_not_found(
    client: Client, org: Org, note: Notification, action: str
) -> None:
    client.force_login(org.rita)
    assert client.post(f"/inbox/{note.pk}/{action}/").status_code == 404
    assert client.post(f"/inbox/{note.pk + 1000}/{action}/").status_code == 404
    assert not _is_read(note)


def test_the_api_marks_read(client: Client, org: Org, note: Notification) -> None:
    client.force_login(org.alice)
    response = client.post(f"/api/v1/inbox/{note.pk}/read")
    assert response.status_code == 200, response.content
    assert response.json()["is_read"] is True
    assert response.json()["id"] == note.pk
    assert _is_read(note)


def test_the_api_hides_someone_elses_notification(
    client: Client, org: Org, note: Notification
) -> None:
    client.force_login(org.oscar)
    response = client.post(f"/api/v1/inbox/{note.pk}/read")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not _is_read(note)
