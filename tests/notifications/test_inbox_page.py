import re

import pytest
from django.conf import settings
from django.test import Client

from concord.notifications.services import notification_mark_read
from concord.orgs.models import Person
from tests.notifications.helpers import ping
from tests.personas import Org

INBOX = "/inbox/"


def _ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="notification-(\d+)"', html)]


@pytest.fixture
def alice(client: Client, org: Org) -> Client:
    client.force_login(org.alice)
    return client


def test_it_lists_only_my_notifications_newest_first(alice: Client, org: Org) -> None:
    [first] = ping(actor=org.mark, recipients=[org.alice], subject=org.market, what="A")
    [second] = ping(actor=org.mark, recipients=[org.alice], subject=org.market, what="B")
    [other] = ping(actor=org.mark, recipients=[org.rita], subject=org.market)
    response = alice.get(INBOX)
    assert response.status_code == 200
    assert _ids(response.content.decode()) == [second.pk, first.pk]
    assert other.pk not in _ids(response.content.decode())


@pytest.mark.parametrize(
    ("language", "title", "body"),
    [
        ("zh-hans", "马经理 提醒了你", "关于计划Q3。"),
        ("en", "马经理 pinged you", "About the plan Q3."),
    ],
)
def test_it_shows_a_notification_in_the_viewers_language(
    alice: Client, org: Org, language: str, title: str, body: str
) -> None:
    """The same stored notification reads in whichever language the viewer uses."""
    ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    Person.objects.filter(user=org.alice).update(language=language)
    alice.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = alice.get(INBOX).content.decode()
    assert title in html
    assert body in html


def test_it_highlights_unread_and_filters_them(alice: Client, org: Org) -> None:
    [read] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    [unread] = ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    notification_mark_read(actor=org.alice, notification=read)
    html = alice.get(INBOX).content.decode()
    assert re.search(rf'id="notification-{unread.pk}"[^>]*data-unread="true"', html)
    assert re.search(rf'id="notification-{read.pk}"[^>]*data-unread="false"', html)
    assert _ids(alice.get(INBOX, {"filter": "unread"}).content.decode()) == [unread.pk]


def test_it_pages_long_inboxes(alice: Client, org: Org) -> None:
    rows = [ping(actor=org.mark, recipients=[org.alice], subject=org.market)[0] for _ in range(23)]
    newest_first = [r.pk for r in reversed(rows)]
    assert _ids(alice.get(INBOX).content.decode()) == newest_first[:20]
    assert _ids(alice.get(INBOX, {"page": 2}).content.decode()) == newest_first[20:]


@pytest.mark.django_db(transaction=True)  # the email goes out after a commit
def test_it_shows_the_email_status(alice: Client, org: Org) -> None:
    from concord.timers.sweep import sweep

    ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    sweep()
    alice.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "emailed" in alice.get(INBOX).content.decode()


def test_it_asks_a_visitor_to_log_in(client: Client, db: None) -> None:
    response = client.get(INBOX)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_is_linked_from_home(alice: Client) -> None:
    assert 'href="/inbox/"' in alice.get("/").content.decode()
