"""After AXES_FAILURE_LIMIT failures the pair (username, address) is locked out."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.personas import PASSWORD, Org

LOCKED = 429  # django-axes' AXES_HTTP_RESPONSE_CODE


def _fail(client: Client, username: str, times: int, addr: str = "127.0.0.1") -> None:
    for _ in range(times):
        client.post(
            "/accounts/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=addr
        )


@pytest.fixture
def locked_alice(client: Client, org: Org) -> Org:
    _fail(client, "alice", settings.AXES_FAILURE_LIMIT)
    return org


def test_it_refuses_even_the_right_password_once_locked(client: Client, locked_alice: Org) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == LOCKED
    html = response.content.decode()
    assert 'data-testid="locked-out"' in html
    assert "_auth_user_id" not in client.session


def test_the_locked_out_page_says_when_to_retry(client: Client, locked_alice: Org) -> None:
    with_en = Client(headers={"Accept-Language": "en"})
    response = with_en.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    minutes = int(settings.AXES_COOLOFF_TIME * 60)
    assert f"Try again in {minutes} minutes" in response.content.decode()


def test_fewer_failures_than_the_limit_do_not_lock(client: Client, org: Org) -> None:
    _fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


def test_another_user_from_the_same_address_is_unaffected(
    client: Client, locked_alice: Org
) -> None:
    response = client.post("/accounts/login/", {"username": "mark", "password": PASSWORD})
    assert response.status_code == 302


def test_the_same_user_from_another_address_is_unaffected(
    client: Client, locked_alice: Org
) -> None:
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="127.0.0.2"
    )
    assert response.status_code == 302


def test_the_lock_lifts_after_the_cool_off(client: Client, locked_alice: Org) -> None:
    later = timezone.now() + timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    with time_machine.travel(later, tick=False):
        response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
