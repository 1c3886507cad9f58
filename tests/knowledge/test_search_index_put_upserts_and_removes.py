"""index_put inserts or replaces one entry per source; index_remove drops it."""

import pytest
from django.db import connection, transaction

from concord.knowledge.indexing import index_put, index_remove
from concord.knowledge.models import SearchEntry
from tests.collaborations.helpers import established


def _fts_count(word: str) -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM knowledge_searchentry_fts"
                " WHERE knowledge_searchentry_fts MATCH %s",
                [f'"{word}"'],
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM knowledge_searchentry"
                " WHERE search_vector @@ to_tsquery('simple', %s)",
                [word],
            )
        return int(cursor.fetchone()[0])


def test_put_creates_a_segmented_entry(org):
    collab = established(org)
    with transaction.atomic():
        index_put(
            source=collab,
            collaboration=collab,
            kind="decision",
            title="关于年度预算调整的决议",
            body="会议决定将市场推广预算提高百分之十。",
            url="/x/",
        )
    entry = SearchEntry.objects.get()
    assert "预算" in entry.segmented_title.split()
    assert entry.segmenter
    assert _fts_count("预算") == 1


def _put(collab, kind="decision", title="预算", url="/x/"):  # type: ignore[no-untyped-def]
    index_put(source=collab, collaboration=collab, kind=kind, title=title, body="", url=url)


def test_put_again_replaces_the_entry_and_its_index(org):
    collab = established(org)
    _put(collab)
    _put(collab, kind="review", title="人员安排", url="/y/")
    entry = SearchEntry.objects.get()
    assert (entry.kind, entry.title, entry.url) == ("review", "人员安排", "/y/")
    assert _fts_count("预算") == 0
    assert _fts_count("人员") == 1


def test_remove_drops_the_entry_and_its_index(org):
    collab = established(org)
    _put(collab)
    index_remove(source=collab)
    index_remove(source=collab)  # twice is harmless
    assert not SearchEntry.objects.exists()
    assert _fts_count("预算") == 0


def test_an_unknown_kind_is_refused(org):
    from concord.lib.errors import DomainError

    collab = established(org)
    with pytest.raises(DomainError):
        index_put(source=collab, collaboration=collab, kind="gossip", title="x", body="", url="/")


def test_a_rolled_back_caller_leaves_no_entry(org):
    collab = established(org)

    def failing_service() -> None:
        with transaction.atomic():
            _put(collab)
            raise RuntimeError("the caller's change failed")

    with pytest.raises(RuntimeError):
        failing_service()
    assert not SearchEntry.objects.exists()
    assert _fts_count("预算") == 0
