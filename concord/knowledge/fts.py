"""The full-text side of the search index, per database.

SQLite: an external-content FTS5 table over the segmented columns (and
scope tokens, see below), kept in step by triggers, so a write to
`SearchEntry` updates the index in the same transaction. Django rebuilds
a SQLite table when a migration alters it, which drops its triggers:
`concord reindex` (and a later migration that alters the table) calls
`install()` again, which is idempotent.

PostgreSQL: a stored generated `tsvector` column (title weighted A, text
B) under the 'simple' configuration — the words are already cut by jieba,
so no stemming or stop words apply — with a GIN index.
"""

from typing import Any

TABLE = "knowledge_searchentry"
FTS = "knowledge_searchentry_fts"
VECTOR = "search_vector"

VIEW = "knowledge_searchentry_ftsource"

# The FTS5 table reads a view: the two segmented columns plus `scope`,
# tokens naming the entry's collaboration ("c12", "c0" for none) and kind
# ("kminutes"), so visibility and filters are FTS5 terms too and a query
# never has to visit the wide entry rows to filter.
_SCOPE = "'c' || coalesce({row}.collaboration_id, 0) || ' k' || {row}.kind"

_SQLITE = [
    f"""CREATE VIEW IF NOT EXISTS {VIEW} AS
        SELECT e.id AS id, e.segmented_title AS segmented_title,
               e.segmented_body AS segmented_body, {_SCOPE.format(row="e")} AS scope
        FROM {TABLE} e""",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(
        segmented_title, segmented_body, scope,
        content='{VIEW}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS}(rowid, segmented_title, segmented_body, scope)
        VALUES (new.id, new.segmented_title, new.segmented_body, {_SCOPE.format(row="new")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, segmented_title, segmented_body, scope)
        VALUES ('delete', old.id, old.segmented_title, old.segmented_body,
                {_SCOPE.format(row="old")});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_fts_au
    AFTER UPDATE OF segmented_title, segmented_body, collaboration_id, kind ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, segmented_title, segmented_body, scope)
        VALUES ('delete', old.id, old.segmented_title, old.segmented_body,
                {_SCOPE.format(row="old")});
        INSERT INTO {FTS}(rowid, segmented_title, segmented_body, scope)
        VALUES (new.id, new.segmented_title, new.segmented_body, {_SCOPE.format(row="new")});
    END""",
]

_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_fts_au",
    f"DROP TRIGGER IF EXISTS {TABLE}_fts_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_fts_ai",
    f"DROP TABLE IF EXISTS {FTS}",
    f"DROP VIEW IF EXISTS {VIEW}",
]

_POSTGRES = [
    f"""ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {VECTOR} tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, segmented_title), 'A')
            || setweight(to_tsvector('simple'::regconfig, segmented_body), 'B')
        ) STORED""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin ({VECTOR})",
]

_POSTGRES_DROP = [
    f"DROP INDEX IF EXISTS {TABLE}_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {VECTOR}",
]


def _run(connection: Any, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _settle(connection: Any) -> None:
    # PostgreSQL refuses ALTER TABLE / REINDEX while the transaction has
    # deferred foreign-key checks pending on the table; run them now.
    _run(connection, ["SET CONSTRAINTS ALL IMMEDIATE"])


def install(connection: Any) -> None:
    """Create the full-text table/column, index and triggers if missing."""
    if connection.vendor == "sqlite":
        _run(connection, _SQLITE)
    elif connection.vendor == "postgresql":
        _settle(connection)
        _run(connection, _POSTGRES)


def uninstall(connection: Any) -> None:
    if connection.vendor == "sqlite":
        _run(connection, _SQLITE_DROP)
    elif connection.vendor == "postgresql":
        _settle(connection)
        _run(connection, _POSTGRES_DROP)


def rebuild(connection: Any) -> None:
    """Re-read every entry into the full-text index."""
    install(connection)
    if connection.vendor == "sqlite":
        _run(connection, [f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')"])
        _run(connection, [f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')"])
    elif connection.vendor == "postgresql":
        _run(connection, [f"REINDEX INDEX {TABLE}_vector", f"ANALYZE {TABLE}"])
