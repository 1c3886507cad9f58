"""Logging out is a state change, so it only answers POST."""

from django.test import Client

from tests.personas import Org


def test_a_get_does_not_log_out(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    response = client.get("/accounts/logout/")
    assert response.status_code == 405
    assert "_auth_user_id" in client.session


def test_a_post_logs_out_and_returns_to_the_login_page(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session
