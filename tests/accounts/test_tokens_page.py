"""The API tokens page: list mine, create one (shown once), revoke one."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.accounts import services
from concord.accounts.models import ApiToken
from tests.personas import Org


def test_it_needs_a_login(client: Client) -> None:
    response = client.get("/accounts/tokens/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_lists_only_my_tokens(client: Client, org: Org) -> None:
    services.token_create(actor=org.alice, user=org.alice, name="alice-script")
    services.token_create(actor=org.pam, user=org.pam, name="pam-script")
    client.force_login(org.alice)
    html = client.get("/accounts/tokens/").content.decode()
    assert "alice-script" in html
    assert "pam-script" not in html


def test_creating_shows_the_raw_token_once(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    response = client.post("/accounts/tokens/", {"name": "reporting"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=org.alice)
    html = response.content.decode()
    assert 'data-testid="new-token"' in html
    raw = html.split('data-testid="new-token"')[1].split('value="')[1].split('"')[0]
    assert raw.startswith(token.prefix)
    assert raw not in client.get("/accounts/tokens/").content.decode()


def test_a_blank_name_is_refused_with_a_form_error(client: Client, org: Org) -> None:
    client.force_login(org.alice)
    response = client.post("/accounts/tokens/", {"name": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoking_is_post_only(client: Client, org: Org) -> None:
    token, _raw = services.token_create(actor=org.alice, user=org.alice, name="x")
    client.force_login(org.alice)
    assert client.get(f"/accounts/tokens/{token.pk}/revoke/").status_code == 405
    response = client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_revoking_with_htmx_returns_the_table(client: Client, org: Org) -> None:
    token, _raw = services.token_create(actor=org.alice, user=org.alice, name="x")
    client.force_login(org.alice)
    response = client.post(f"/accounts/tokens/{token.pk}/revoke/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="token-table">')
    assert "<html" not in html


def test_someone_elses_token_is_not_found(client: Client, org: Org) -> None:
    token, _raw = services.token_create(actor=org.pam, user=org.pam, name="x")
    client.force_login(org.alice)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize("rows", [2, 12])
def test_the_list_costs_the_same_queries_for_any_number_of_tokens(
    client: Client, org: Org, rows: int
) -> None:
    client.force_login(org.alice)
    client.get("/accounts/tokens/")  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as base:
        client.get("/accounts/tokens/")
    for i in range(rows):
        services.token_create(actor=org.alice, user=org.alice, name=f"t{i}")
    with CaptureQueriesContext(connection) as more:
        response = client.get("/accounts/tokens/")
    assert response.content.decode().count('data-testid="token-row"') == rows
    assert len(more) == len(base)
