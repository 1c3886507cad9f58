"""`concord token USERNAME`: prints a token once; --list and --revoke PREFIX."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from concord.accounts.models import ApiToken
from tests.personas import Org


def _run(*args: str) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue().strip()


def test_it_prints_a_token_that_authenticates(client: Client, org: Org) -> None:
    raw = _run("alice", "--name", "cron job")
    assert raw.startswith("cct_")
    assert ApiToken.objects.get(user=org.alice).name == "cron job"
    response = client.get("/api/v1/tokens", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_a_revoked_token_no_longer_authenticates(client: Client, org: Org) -> None:
    raw = _run("alice")
    prefix = ApiToken.objects.get(user=org.alice).prefix
    assert _run("alice", "--revoke", prefix) == f"Revoked {prefix}."
    response = client.get("/api/v1/tokens", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_list_shows_prefixes_but_never_the_token(org: Org) -> None:
    raw = _run("alice", "--name", "ci")
    listing = _run("alice", "--list")
    assert raw[:12] in listing
    assert raw not in listing
    assert "ci" in listing
    assert "active" in listing


def test_an_unknown_user_is_an_error(org: Org) -> None:
    with pytest.raises(CommandError):
        _run("nobody")


def test_an_unknown_prefix_is_an_error(org: Org) -> None:
    with pytest.raises(CommandError):
        _run("alice", "--revoke", "cct_nope")
