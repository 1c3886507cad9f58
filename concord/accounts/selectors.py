"""Reads for the accounts pages and API, scoped to the acting person."""

from typing import Any

from django.db.models import QuerySet

from .models import ApiToken


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """Return the person's tokens, newest first, revoked ones included."""
    return ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-id")
