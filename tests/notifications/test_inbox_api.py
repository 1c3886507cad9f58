"""GET /api/v1/inbox and /api/v1/inbox/unread-count."""

import pytest
from django.test import Client

from concord.accounts.services import token_create
from concord.notifications.services import notification_mark_read
from tests.notifications.helpers import ping
from tests.personas import Org


@pytest.fixture
def alice(client: Client, org: Org) -> Client:
    client.force_login(org.alice)
    return client


def test_it_lists_my_notifications_newest_first(alice: Client, org: Org) -> None:
    [older] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    [newer] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    ping(actor=org.mark, recipients=[org.rita], subject=org.market)
    body = alice.get("/api/v1/inbox", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [newer.pk, older.pk]
    item = body["items"][0]
    assert item["kind"] == "tests.ping"
    assert item["actor"] == "马经理"
    assert item["is_read"] is False
    assert item["deliveries"] == [{"channel": "email", "status": "pending"}]


def test_it_pages_and_filters_unread(alice: Client, org: Org) -> None:
    rows = [ping(actor=org.mark, recipients=[org.alice], subject=org.market)[0] for _ in range(5)]
    notification_mark_read(actor=org.alice, notification=rows[0])
    page = alice.get("/api/v1/inbox", {"limit": 2, "offset": 2}).json()
    assert page["count"] == 5
    assert [i["id"] for i in page["items"]] == [rows[2].pk, rows[1].pk]
    unread = alice.get("/api/v1/inbox", {"unread": "true"}).json()
    assert unread["count"] == 4
    assert rows[0].pk not in [i["id"] for i in unread["items"]]


def test_it_counts_unread(alice: Client, org: Org) -> None:
    for _ in range(2):
        ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    assert alice.get("/api/v1/inbox/unread-count").json() == {"unread": 2}


def test_bad_paging_is_a_422_not_a_500(alice: Client) -> None:
    response = alice.get("/api/v1/inbox", {"limit": "many"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_it_works_with_a_token(client: Client, org: Org) -> None:
    _, raw = token_create(actor=org.alice, user=org.alice, name="script")
    ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    response = client.get("/api/v1/inbox/unread-count", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.json() == {"unread": 1}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/inbox"),
        ("get", "/api/v1/inbox/unread-count"),
        ("post", "/api/v1/inbox/1/read"),
        ("post", "/api/v1/inbox/read-all"),
    ],
)
def test_it_needs_authentication(client: Client, db: None, method: str, path: str) -> None:
    assert getattr(client, method)(path).status_code == 401
