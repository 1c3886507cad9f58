"""Every API failure is `{"code", "message", "details"}` with the right status; never a 500."""

from typing import Any

from django.test import Client

from concord.accounts import services
from concord.accounts.models import ApiToken
from tests.api.conftest import bearer
from tests.personas import Org


def _shape(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "details"}
    assert body["code"] == code
    assert isinstance(body["message"], str)
    assert body["message"]
    assert isinstance(body["details"], dict)
    return body


def test_an_unknown_route_is_a_json_404(client: Client, alice_token: str) -> None:
    _shape(client.get("/api/v1/no-such-thing", headers=bearer(alice_token)), 404, "not_found")
    _shape(client.get("/api/v1/tokens/1/x/y"), 404, "not_found")


def test_an_unknown_route_is_404_even_without_credentials(client: Client) -> None:
    _shape(client.post("/api/v1/nothing/here"), 404, "not_found")


def test_a_wrong_method_is_a_json_405(client: Client, alice_token: str) -> None:
    response = client.put("/api/v1/tokens", headers=bearer(alice_token))
    _shape(response, 405, "method_not_allowed")
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}


def test_invalid_fields_are_422_with_details_per_field(client: Client, alice_token: str) -> None:
    response = client.post(
        "/api/v1/tokens",
        {"name": "x" * 101},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    body = _shape(response, 422, "invalid")
    assert list(body["details"]) == ["name"]


def test_a_missing_field_is_422(client: Client, alice_token: str) -> None:
    response = client.post(
        "/api/v1/tokens", {}, content_type="application/json", headers=bearer(alice_token)
    )
    assert "name" in _shape(response, 422, "invalid")["details"]


def test_a_non_integer_path_parameter_is_422(client: Client, alice_token: str) -> None:
    response = client.delete("/api/v1/tokens/abc", headers=bearer(alice_token))
    assert "token_id" in _shape(response, 422, "invalid")["details"]


def test_malformed_json_is_400(client: Client, alice_token: str) -> None:
    response = client.post(
        "/api/v1/tokens", "{not json", content_type="application/json", headers=bearer(alice_token)
    )
    _shape(response, 400, "invalid")


def test_a_domain_error_keeps_its_code_and_field(client: Client, alice_token: str) -> None:
    response = client.post(
        "/api/v1/tokens",
        {"name": "   "},
        content_type="application/json",
        headers=bearer(alice_token),
    )
    body = _shape(response, 400, "invalid")
    assert "name" in body["details"]


def test_a_conflict_is_409(client: Client, org: Org, alice_token: str) -> None:
    other, _raw = services.token_create(actor=org.alice, user=org.alice, name="other")
    services.token_revoke(actor=org.alice, token=other)
    response = client.delete(f"/api/v1/tokens/{other.pk}", headers=bearer(alice_token))
    _shape(response, 409, "conflict")


def test_an_unknown_object_is_404(client: Client, alice_token: str) -> None:
    missing = (ApiToken.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 99
    _shape(
        client.delete(f"/api/v1/tokens/{missing}", headers=bearer(alice_token)), 404, "not_found"
    )


def test_forbidden_is_403(org: Org) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.alice)
    response = client.post("/api/v1/tokens", {"name": "x"}, content_type="application/json")
    _shape(response, 403, "forbidden")


def test_unauthenticated_is_401(client: Client, org: Org) -> None:
    _shape(client.get("/api/v1/tokens"), 401, "unauthenticated")


def test_the_api_root_is_a_json_404(client: Client) -> None:
    _shape(client.get("/api/v1/"), 404, "not_found")
