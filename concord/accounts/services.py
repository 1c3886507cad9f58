"""Writes for accounts: API tokens and the display language.

Each function is one transaction and one event. The raw token never reaches
the event trail or a log; only its prefix does.
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.lib.errors import DomainError
from concord.orgs.models import Person

from .access import check_create_token_for
from .models import ApiToken, hash_token, new_raw_token

# Services take the acting user or None (the system); AnonymousUser is refused.
Actor = Any

PREFIX_LENGTH = 12
NAME_MAX_LENGTH = 100


def _token_snapshot(token: ApiToken) -> dict[str, Any]:
    return {
        "name": token.name,
        "prefix": token.prefix,
        "user": token.user_id,
        "revoked_at": token.revoked_at,
    }


@transaction.atomic
def token_create(*, actor: Actor, user: Any, name: str) -> tuple[ApiToken, str]:
    """Issue a token for `user` and return it with the raw value, shown only once."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the token a name, e.g. the tool that will use it."), field="name")
    if len(name) > NAME_MAX_LENGTH:
        raise DomainError(_("The name is too long (at most 100 characters)."), field="name")
    check_create_token_for(actor, user)
    if not user.is_active:
        raise DomainError(_("This account is inactive."), code="conflict")
    raw = new_raw_token()
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:PREFIX_LENGTH], key_hash=hash_token(raw)
    )
    event_record(actor=actor, verb="token.created", subject=token, after=_token_snapshot(token))
    return token, raw


@transaction.atomic
def token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    """Revoke a token; it stops authenticating at once. Revoking twice is refused."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if actor is None or not actor.has_perm("accounts.revoke_token", token):
        raise DomainError(_("You may not revoke this token."), code="forbidden")
    if token.revoked_at is not None:
        raise DomainError(_("This token is already revoked."), code="conflict")
    before = _token_snapshot(token)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    event_record(
        actor=actor,
        verb="token.revoked",
        subject=token,
        before=before,
        after=_token_snapshot(token),
    )
    return token


@transaction.atomic
def person_set_language(*, actor: Any, language: str) -> Person:
    """Remember the actor's display language; it is applied at each login.

    Choosing the language already saved changes nothing and records nothing.
    """
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Unknown language."), field="language")
    if actor is None or not actor.is_authenticated:
        raise DomainError(_("Log in to save a language."), code="forbidden")
    person = Person.objects.select_for_update().filter(user_id=actor.pk).first()
    if person is None:
        raise DomainError(_("This account has no profile."), code="not_found")
    if person.language == language:
        return person
    before = {"language": person.language}
    person.language = language
    person.save(update_fields=["language"])
    event_record(
        actor=actor,
        verb="person.language_set",
        subject=person,
        before=before,
        after={"language": language},
    )
    return person
