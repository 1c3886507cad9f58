"""`concord reindex` re-cuts stale entries and rebuilds the full-text side."""

from io import StringIO

from django.core.management import call_command
from django.db import connection

from concord.knowledge import fts
from concord.knowledge.models import SearchEntry
from concord.knowledge.search import search
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


def test_reindex_recuts_entries_of_another_dictionary(org):
    entry = put(established(org), "年度预算调整决议", "预算")
    SearchEntry.objects.filter(pk=entry.pk).update(
        segmenter="old", segmented_title="x", segmented_body="y"
    )
    assert search(org.alice, "预算").hits == []
    out = StringIO()
    call_command("reindex", stdout=out)
    assert "Re-cut 1 entries" in out.getvalue()
    assert [h.entry.pk for h in search(org.alice, "预算").hits] == [entry.pk]


def test_reindex_restores_a_dropped_index(org):
    entry = put(established(org), "年度预算调整决议", "预算")
    fts.uninstall(connection)
    call_command("reindex", stdout=StringIO())
    assert [h.entry.pk for h in search(org.alice, "预算").hits] == [entry.pk]
