"""token_create and token_revoke: the raw token is returned once and stored only hashed."""

import hashlib

import pytest

from concord.accounts import services
from concord.accounts.models import ApiToken
from concord.activity.models import Event
from concord.lib.errors import DomainError
from tests.personas import Org


def test_it_returns_the_raw_token_once_and_stores_its_hash(org: Org) -> None:
    token, raw = services.token_create(actor=org.alice, user=org.alice, name="script")
    assert raw.startswith("cct_")
    assert len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {stored.key_hash, stored.prefix, stored.name}
    assert raw.startswith(stored.prefix)


def test_it_records_one_event_without_the_secret(org: Org) -> None:
    token, raw = services.token_create(actor=org.alice, user=org.alice, name="script")
    event = Event.objects.get(verb="token.created")
    assert event.actor_id == org.alice.pk
    trail = str(event.before) + str(event.after) + event.note + event.subject_repr
    assert raw not in trail
    assert token.key_hash not in trail
    assert event.after["prefix"] == token.prefix


def test_each_token_is_different(org: Org) -> None:
    _t1, raw1 = services.token_create(actor=org.alice, user=org.alice, name="a")
    _t2, raw2 = services.token_create(actor=org.alice, user=org.alice, name="a")
    assert raw1 != raw2


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_it_refuses_a_blank_or_overlong_name(org: Org, name: str) -> None:
    with pytest.raises(DomainError) as exc:
        services.token_create(actor=org.alice, user=org.alice, name=name)
    assert exc.value.code == "invalid"
    assert "name" in exc.value.details
    assert not ApiToken.objects.exists()


def test_it_refuses_a_token_for_an_inactive_account(org: Org) -> None:
    org.oscar.is_active = False
    org.oscar.save()
    with pytest.raises(DomainError) as exc:
        services.token_create(actor=org.pam, user=org.oscar, name="x")
    assert exc.value.code == "conflict"


def test_revoking_stamps_the_time_and_records_one_event(org: Org) -> None:
    token, _raw = services.token_create(actor=org.alice, user=org.alice, name="script")
    services.token_revoke(actor=org.alice, token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None
    event = Event.objects.get(verb="token.revoked")
    assert event.before["revoked_at"] is None
    assert event.after["revoked_at"] is not None


def test_revoking_twice_is_a_conflict(org: Org) -> None:
    token, _raw = services.token_create(actor=org.alice, user=org.alice, name="script")
    services.token_revoke(actor=org.alice, token=token)
    with pytest.raises(DomainError) as exc:
        services.token_revoke(actor=org.alice, token=token)
    assert exc.value.code == "conflict"
    assert Event.objects.filter(verb="token.revoked").count() == 1
