"""How API requests authenticate: a bearer token, or the browser's session."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from .models import ApiToken, hash_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            api_token = ApiToken.objects.select_related("user").get(
                key_hash=hash_token(token), revoked_at__isnull=True
            )
        except ApiToken.DoesNotExist:
            return None
        user = api_token.user
        if not user.is_active:
            return None
        now = timezone.now()
        # Record use at most once a minute: a token used in a loop must not
        # turn every read into a write.
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = user
        return user


class CsrfSessionAuth(SessionAuth):
    """The logged-in browser session; unsafe methods need the CSRF token.

    ninja's SessionAuth checks CSRF before looking at the session, so a
    client with no credentials at all would get 403 "CSRF failed" instead of
    401. Here the CSRF check only applies when there is a session to abuse.
    """

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(403, "CSRF check failed")
        return user


def auth_methods() -> list[Any]:
    """Bearer tokens for clients; the session (with CSRF) for the offline docs page."""
    return [BearerToken(), CsrfSessionAuth(csrf=True)]
