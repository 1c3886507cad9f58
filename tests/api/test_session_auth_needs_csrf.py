"""The browser session works for the docs page; its writes need the CSRF token."""

from django.test import Client

from concord.accounts import services
from concord.accounts.models import ApiToken
from tests.personas import Org


def _logged_in(org: Org) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.alice)
    return client


def test_a_session_can_read(org: Org) -> None:
    assert _logged_in(org).get("/api/v1/tokens").status_code == 200


def test_a_session_post_without_csrf_is_403(org: Org) -> None:
    response = _logged_in(org).post(
        "/api/v1/tokens", {"name": "x"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert not ApiToken.objects.exists()


def test_a_session_post_with_csrf_succeeds(org: Org) -> None:
    client = _logged_in(org)
    client.get("/api/v1/docs")  # the docs page hands out the CSRF token
    csrf = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/tokens",
        {"name": "x"},
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 201


def test_a_bearer_token_needs_no_csrf(org: Org) -> None:
    _token, raw = services.token_create(actor=org.alice, user=org.alice, name="t")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/tokens",
        {"name": "x"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 201
