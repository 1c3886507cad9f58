"""Switching language while logged in is remembered on the person and applied at login."""

import pytest
from django.conf import settings
from django.test import Client

from concord.accounts import services
from concord.activity.models import Event
from concord.lib.errors import DomainError
from tests.personas import PASSWORD, Org


def test_switching_saves_the_language_on_the_person(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    response = client.post("/accounts/language/", {"language": "en", "next": "/accounts/tokens/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/tokens/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    org.alice.person.refresh_from_db()
    assert org.alice.person.language == "en"
    event = Event.objects.get(verb="person.language_set")
    assert (event.before, event.after) == ({"language": "zh-hans"}, {"language": "en"})


def test_choosing_the_same_language_again_records_nothing(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    client.post("/accounts/language/", {"language": "zh-hans"})
    assert not Event.objects.filter(verb="person.language_set").exists()


def test_an_anonymous_switch_only_sets_the_cookie(client: Client, org: Org) -> None:
    response = client.post("/accounts/language/", {"language": "en", "next": "/accounts/login/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/accounts/login/").content.decode().count('<html lang="en">') == 1
    assert not Event.objects.filter(verb="person.language_set").exists()


def test_an_unknown_language_changes_nothing(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    client.post("/accounts/language/", {"language": "fr"})
    org.alice.person.refresh_from_db()
    assert org.alice.person.language == "zh-hans"


def test_the_switch_is_post_only(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    assert client.get("/accounts/language/?language=en").status_code == 405


def test_the_saved_language_is_applied_at_the_next_login(org: Org) -> None:
    services.person_set_language(actor=org.alice, language="en")
    browser = Client()  # a fresh browser: no language cookie yet
    response = browser.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = browser.get("/accounts/tokens/").content.decode()
    assert '<html lang="en">' in page


def test_the_service_refuses_an_unknown_language(org: Org) -> None:
    with pytest.raises(DomainError) as exc:
        services.person_set_language(actor=org.alice, language="xx")
    assert exc.value.details == {"language": [str(exc.value.message)]}
