"""Who may create, see and revoke API tokens (rules predicates).

A token acts as its person, so only that person may hold it; the PMO may
issue or revoke one for anybody (onboarding an integration, cutting off a
leaked token).
"""

from typing import Any

import rules
from django.utils.translation import gettext as _

from concord.lib.errors import DomainError, not_found
from concord.orgs.access import is_pmo

from .models import ApiToken


@rules.predicate
def is_self(actor: Any, user: Any) -> bool:
    return bool(actor is not None and actor.is_authenticated and actor.pk == user.pk)


@rules.predicate
def owns_token(actor: Any, token: ApiToken) -> bool:
    return bool(actor is not None and actor.is_authenticated and actor.pk == token.user_id)


@rules.predicate
def is_authenticated(actor: Any) -> bool:
    return bool(actor is not None and actor.is_authenticated)


rules.add_perm("accounts.create_token_for", is_self | is_pmo)
rules.add_perm("accounts.revoke_token", owns_token | is_pmo)
rules.add_perm("accounts.manage_own_tokens", is_authenticated)


def check_create_token_for(actor: Any, user: Any) -> None:
    if actor is None or not actor.has_perm("accounts.create_token_for", user):
        raise DomainError(_("You may only create API tokens for yourself."), code="forbidden")


def token_for_revoke(actor: Any, token_id: int) -> ApiToken:
    """Return the token `actor` may revoke; others' tokens look missing."""
    token = ApiToken.objects.filter(pk=token_id).first()
    if token is None or not actor.has_perm("accounts.revoke_token", token):
        raise not_found()
    return token


def own_token(actor: Any, token_id: int) -> ApiToken:
    """Return one of the actor's own tokens, or raise not found."""
    token = ApiToken.objects.filter(pk=token_id, user_id=actor.pk).first()
    if token is None:
        raise not_found()
    return token
