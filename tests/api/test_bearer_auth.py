"""`Authorization: Bearer <token>` authenticates as the token's person; anything else is 401."""

import pytest
from django.test import Client

from concord.accounts import services
from concord.accounts.models import ApiToken
from tests.api.conftest import bearer
from tests.personas import Org


def _assert_401(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["code"] == "unauthenticated"
    assert body["message"]
    assert body["details"] == {}


def test_a_valid_token_authenticates_as_its_person(client: Client, alice_token: str) -> None:
    response = client.get("/api/v1/tokens", headers=bearer(alice_token))
    assert response.status_code == 200
    assert [t["name"] for t in response.json()] == ["tests"]


def test_using_a_token_stamps_last_used(client: Client, org: Org, alice_token: str) -> None:
    client.get("/api/v1/tokens", headers=bearer(alice_token))
    assert ApiToken.objects.get(user=org.alice).last_used_at is not None


def test_no_credentials_is_401(client: Client, org: Org) -> None:
    _assert_401(client.get("/api/v1/tokens"))


def test_no_credentials_on_a_post_is_401_not_a_csrf_403(client: Client, org: Org) -> None:
    csrf_client = Client(enforce_csrf_checks=True)
    _assert_401(csrf_client.post("/api/v1/tokens", {"name": "x"}, content_type="application/json"))


@pytest.mark.parametrize(
    "header",
    ["Bearer cct_not-a-real-token", "Bearer ", "Token whatever", "Basic YWxpY2U6cHc="],
)
def test_a_bad_token_is_401(client: Client, org: Org, header: str) -> None:
    _assert_401(client.get("/api/v1/tokens", headers={"Authorization": header}))


def test_a_revoked_token_is_401(client: Client, org: Org, alice_token: str) -> None:
    token = ApiToken.objects.get(user=org.alice)
    services.token_revoke(actor=org.alice, token=token)
    _assert_401(client.get("/api/v1/tokens", headers=bearer(alice_token)))


def test_an_inactive_persons_token_is_401(client: Client, org: Org, alice_token: str) -> None:
    org.alice.is_active = False
    org.alice.save()
    _assert_401(client.get("/api/v1/tokens", headers=bearer(alice_token)))
