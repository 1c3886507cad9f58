"""Index entries the way the owning apps do: through index_put."""

from datetime import datetime
from typing import Any

from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.knowledge.indexing import index_put
from concord.knowledge.models import SearchEntry
from concord.orgs.models import Department

_seq = iter(range(1, 10**9))


def put(
    collab: Collaboration | None,
    title: str,
    body: str = "",
    *,
    kind: str = "decision",
    when: datetime | None = None,
) -> SearchEntry:
    """Index a stand-in source object (a fresh Department row) and return its entry."""
    n = next(_seq)
    source: Any = Department.objects.create(name=f"索引源{n}", code=f"SRC{n}")
    index_put(
        source=source,
        collaboration=collab,
        kind=kind,
        title=title,
        body=body,
        url=f"/knowledge-test/{n}/",
        when=when or timezone.now(),
    )
    return SearchEntry.objects.get(source_id=source.pk, title=title)
