"""Reading the event trail."""

from django.db import models

from .models import Event, EventQuerySet


def timeline_for(obj: models.Model, *, limit: int = 50) -> EventQuerySet:
    """Return the newest events of `obj` and of everything recorded under it.

    Callers must have checked that the viewer may see `obj`.
    """
    return Event.objects.for_scope(obj).select_related("actor", "actor__person")[:limit]
