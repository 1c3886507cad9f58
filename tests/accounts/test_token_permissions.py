"""Who may create and revoke whose API token: a token acts as its person."""

from typing import Any

import pytest

from concord.accounts import access, services
from concord.lib.errors import DomainError
from tests.personas import Org

# (actor, owner) -> may create a token for owner
CREATE = [
    ("alice", "alice", True),
    ("alice", "pam", False),
    ("mark", "alice", False),  # a department head does not hold their staff's keys
    ("oscar", "alice", False),
    ("pam", "alice", True),  # the PMO may issue one, e.g. for an integration account
    ("pam", "pam", True),
]

# (actor, owner) -> may revoke owner's token
REVOKE = [
    ("alice", "alice", True),
    ("alice", "pam", False),
    ("mark", "alice", False),
    ("oscar", "alice", False),
    ("pam", "alice", True),  # the PMO may cut off a leaked token
]


def _who(org: Org, name: str) -> Any:
    return getattr(org, name)


@pytest.mark.parametrize(("actor", "owner", "allowed"), CREATE)
def test_create_matrix(org: Org, actor: str, owner: str, allowed: bool) -> None:
    if allowed:
        token, _raw = services.token_create(actor=_who(org, actor), user=_who(org, owner), name="x")
        assert token.user == _who(org, owner)
    else:
        with pytest.raises(DomainError) as exc:
            services.token_create(actor=_who(org, actor), user=_who(org, owner), name="x")
        assert exc.value.code == "forbidden"


@pytest.mark.parametrize(("actor", "owner", "allowed"), REVOKE)
def test_revoke_matrix(org: Org, actor: str, owner: str, allowed: bool) -> None:
    token, _raw = services.token_create(actor=_who(org, owner), user=_who(org, owner), name="x")
    if allowed:
        services.token_revoke(actor=_who(org, actor), token=token)
        token.refresh_from_db()
        assert token.revoked_at is not None
    else:
        with pytest.raises(DomainError) as exc:
            services.token_revoke(actor=_who(org, actor), token=token)
        assert exc.value.code == "forbidden"
        token.refresh_from_db()
        assert token.revoked_at is None


@pytest.mark.parametrize(("actor", "owner", "allowed"), REVOKE)
def test_others_tokens_look_missing_to_access(
    org: Org, actor: str, owner: str, allowed: bool
) -> None:
    token, _raw = services.token_create(actor=_who(org, owner), user=_who(org, owner), name="x")
    if allowed:
        assert access.token_for_revoke(_who(org, actor), token.pk) == token
    else:
        with pytest.raises(DomainError) as exc:
            access.token_for_revoke(_who(org, actor), token.pk)
        assert exc.value.code == "not_found"


def test_nobody_acts_without_an_actor(org: Org) -> None:
    with pytest.raises(DomainError):
        services.token_create(actor=None, user=org.alice, name="x")
