"""`concord reindex`: rebuild the full-text side of the knowledge index.

Re-cuts the entries cut with another dictionary (or every entry with
`--all`), then re-creates the FTS5 table and its triggers if a table
rebuild dropped them and re-reads every row into it (SQLite), or
re-creates the vector column and rebuilds its GIN index (PostgreSQL).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction

from concord.knowledge import fts, segment
from concord.knowledge.indexing import INDEX_MAX
from concord.knowledge.models import SearchEntry

BATCH = 500


class Command(BaseCommand):
    help = "Rebuild the knowledge search index (re-cutting text if the dictionary changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="Re-cut every entry, not only stale ones."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        current = segment.fingerprint()
        stale = SearchEntry.objects.all()
        if not options["all"]:
            stale = stale.exclude(segmenter=current)
        ids = list(stale.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                rows = list(
                    SearchEntry.objects.select_for_update()
                    .filter(pk__in=ids[start : start + BATCH])
                    .only("pk", "title", "body")
                )
                for row in rows:
                    row.segmented_title = segment.segment(row.title)
                    row.segmented_body = segment.segment(row.body[:INDEX_MAX])
                    row.segmenter = current
                SearchEntry.objects.bulk_update(
                    rows, ["segmented_title", "segmented_body", "segmenter"]
                )
        with transaction.atomic():
            fts.rebuild(connection)
        total = SearchEntry.objects.count()
        if options["verbosity"]:
            self.stdout.write(f"Re-cut {len(ids)} entries; index rebuilt over {total}.")
