"""Writing to the event trail.

Every domain service calls `event_record` exactly once, inside its own
transaction, so the event commits or rolls back with the change it records.
"""

import json
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from .models import Event


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any]:
    # Round-trip through Django's encoder so dates, decimals and UUIDs are
    # stored as the strings a reader of the trail expects.
    return json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder))


def event_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    verb: str,
    subject: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    scope: models.Model | None = None,
    note: str = "",
) -> Event:
    """Append one event; must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("event_record must be called inside the service's transaction")
    if subject.pk is None:
        raise ValueError("the subject must be saved before its event is recorded")
    acting_user = actor if isinstance(actor, User) else None
    return Event.objects.create(
        occurred_at=timezone.now(),
        actor=acting_user,
        verb=verb,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        subject_repr=str(subject)[:255],
        scope_type=ContentType.objects.get_for_model(scope) if scope is not None else None,
        scope_id=scope.pk if scope is not None else None,
        before=_jsonable(before),
        after=_jsonable(after),
        note=note,
    )
