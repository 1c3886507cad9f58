"""Writing to the knowledge search index (contract 2).

Services of other apps call `index_put` when content is published and
`index_remove` when it is withdrawn, inside their own transaction: a
rolled-back change leaves no entry. The full-text side follows the row
in the same transaction (SQLite triggers on the FTS5 table; a generated
column on PostgreSQL), so there is nothing to schedule.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError

from . import segment
from .models import Kind, SearchEntry

TITLE_MAX = 300
URL_MAX = 500
# Text beyond this is kept for reading but not indexed (PostgreSQL caps a
# tsvector at 1 MB; long documents put their substance first).
INDEX_MAX = 100_000


def index_put(
    *,
    source: models.Model,
    collaboration: Collaboration | None,
    kind: str,
    title: str,
    body: str,
    url: str,
    when: datetime | None = None,
) -> None:
    """Insert or replace the entry of `source` (one entry per source object)."""
    if kind not in Kind.values:
        raise DomainError(f"Unknown search entry kind: {kind}", code="invalid", field="kind")
    if source.pk is None:
        raise DomainError("Index a saved object.", code="invalid", field="source")
    title = (title or "").strip()[:TITLE_MAX] or str(source)[:TITLE_MAX]
    body = body or ""
    SearchEntry.objects.update_or_create(
        source_type=ContentType.objects.get_for_model(source, for_concrete_model=False),
        source_id=source.pk,
        defaults={
            "collaboration": collaboration,
            "kind": kind,
            "title": title,
            "body": body,
            "url": (url or "")[:URL_MAX],
            "when": when or timezone.now(),
            "segmented_title": segment.segment(title),
            "segmented_body": segment.segment(body[:INDEX_MAX]),
            "segmenter": segment.fingerprint(),
        },
    )


def index_remove(*, source: models.Model) -> None:
    """Drop the entry of `source`, if any."""
    if source.pk is None:
        return
    SearchEntry.objects.filter(
        source_type=ContentType.objects.get_for_model(source, for_concrete_model=False),
        source_id=source.pk,
    ).delete()
