"""The unread count in the page header, and what it costs."""

import re

from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory

from concord.notifications.context_processors import inbox
from concord.notifications.services import notification_mark_read
from tests.notifications.helpers import ping
from tests.personas import Org


def _badge_count(html: str) -> str | None:
    match = re.search(r'data-testid="inbox-unread-count">([^<]*)<', html)
    return match.group(1) if match else None


def test_the_header_shows_my_unread_count(client: Client, org: Org) -> None:
    rows = [ping(actor=org.mark, recipients=[org.alice], subject=org.market)[0] for _ in range(3)]
    ping(actor=org.mark, recipients=[org.rita], subject=org.market)
    notification_mark_read(actor=org.alice, notification=rows[0])
    client.force_login(org.alice)
    assert _badge_count(client.get("/").content.decode()) == "2"


def test_no_pill_when_all_is_read(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    html = client.get("/").content.decode()
    assert 'id="inbox-badge"' in html
    assert _badge_count(html) is None


def test_the_badge_partial_refreshes(client: Client, org: Org) -> None:
    ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    client.force_login(org.alice)
    response = client.get("/inbox/badge/", HTTP_HX_REQUEST="true")
    assert _badge_count(response.content.decode()) == "1"


def test_it_counts_with_one_query(org: Org, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        ping(actor=org.mark, recipients=[org.alice], subject=org.market)
    request = RequestFactory().get("/")
    request.user = org.alice
    with django_assert_num_queries(1):
        context = inbox(request)
        assert int(context["inbox_unread_count"]) == 5
        assert str(context["inbox_unread_count"]) == "5"


def test_it_costs_nothing_until_shown(org: Org, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/")
    request.user = org.alice
    with django_assert_num_queries(0):
        inbox(request)


def test_it_costs_nothing_for_a_visitor(db: None, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert inbox(request) == {}


def test_a_large_count_is_shortened(rf: RequestFactory) -> None:
    from django.template.loader import render_to_string

    from concord.notifications.context_processors import LazyCount

    html = render_to_string(
        "notifications/partials/header_badge.html", {"inbox_unread_count": LazyCount(lambda: 150)}
    )
    assert _badge_count(html) == "99+"
