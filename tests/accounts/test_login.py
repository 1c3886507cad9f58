"""Logging in with a username and password."""

from django.test import Client

from tests.personas import PASSWORD, Org


def test_the_login_page_is_chinese_by_default_with_an_english_switch(client: Client) -> None:
    response = client.get("/accounts/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-hans">' in html
    assert 'name="language" value="en"' in html
    assert 'name="password"' in html


def test_it_sends_an_anonymous_visitor_to_the_login_page(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/")


def test_it_logs_in_with_the_right_password(client: Client, org: Org) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(org.alice.pk)


def test_it_follows_next_after_login(client: Client, org: Org) -> None:
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD, "next": "/accounts/tokens/"}
    )
    assert response["Location"] == "/accounts/tokens/"


def test_it_refuses_a_wrong_password_with_an_error(client: Client, org: Org) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert 'data-testid="login-error"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_refuses_an_inactive_account(client: Client, org: Org) -> None:
    org.oscar.is_active = False
    org.oscar.save()
    response = client.post("/accounts/login/", {"username": "oscar", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
