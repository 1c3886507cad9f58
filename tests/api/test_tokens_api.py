"""GET/POST /api/v1/tokens and DELETE /api/v1/tokens/{id}: my tokens only."""

from django.test import Client

from concord.accounts import services
from concord.accounts.models import ApiToken
from concord.activity.models import Event
from tests.api.conftest import bearer
from tests.personas import Org


def test_list_shows_only_mine_without_secrets(client: Client, org: Org, alice_token: str) -> None:
    services.token_create(actor=org.pam, user=org.pam, name="pam's")
    body = client.get("/api/v1/tokens", headers=bearer(alice_token)).json()
    assert [t["name"] for t in body] == ["tests"]
    assert set(body[0]) == {"id", "name", "prefix", "created_at", "last_used_at", "revoked_at"}


def test_create_returns_the_token_once(client: Client, org: Org, alice_token: str) -> None:
    response = client.post(
        "/api/v1/tokens",
        {"name": "ci"},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    assert response.status_code == 201
    raw = response.json()["token"]
    assert client.get("/api/v1/tokens", headers=bearer(raw)).status_code == 200
    assert raw not in client.get("/api/v1/tokens", headers=bearer(raw)).content.decode()


def test_delete_revokes_my_token(client: Client, org: Org, alice_token: str) -> None:
    token = ApiToken.objects.get(user=org.alice)
    response = client.delete(f"/api/v1/tokens/{token.pk}", headers=bearer(alice_token))
    assert response.status_code == 204
    assert Event.objects.filter(verb="token.revoked", actor=org.alice).count() == 1
    assert client.get("/api/v1/tokens", headers=bearer(alice_token)).status_code == 401


def test_delete_of_someone_elses_token_is_404(client: Client, org: Org, alice_token: str) -> None:
    pams, _raw = services.token_create(actor=org.pam, user=org.pam, name="pam's")
    response = client.delete(f"/api/v1/tokens/{pams.pk}", headers=bearer(alice_token))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    pams.refresh_from_db()
    assert pams.revoked_at is None
