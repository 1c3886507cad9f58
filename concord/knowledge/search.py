"""Full-text search over the knowledge index, ranked, scoped to the reader.

The query is cut by jieba like the indexed text (`segment.query_terms`),
every term must match, and a long term also matches as the shorter words
inside it. Terms are rebuilt from word characters only, so no input can
reach the FTS5 / tsquery syntax. Visibility is a condition inside the
ranked query (entries of collaborations the reader may see, plus entries
with no collaboration), so the LIMIT applies to what the reader may see.
Words matching more than WINDOW visible entries rank the newest WINDOW.

SQLite ranks with FTS5's bm25 (title ten times the weight of the text);
PostgreSQL with ts_rank_cd over the weighted vector (A title, B text).
On SQLite visibility and the filters are FTS5 terms on the `scope` column
(see fts.py), so the ranked query never reads the wide entry rows; on
PostgreSQL they are plain column conditions. Snippets are cut from
the original text, escaped, with the matched words in <mark>.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import visible_to

from . import fts, segment
from .models import SearchEntry

SNIPPET_CHARS = 160
MAX_LIMIT = 100
TITLE_WEIGHT = 10.0
# A word found in more than this many entries (that the reader may see) is
# ranked among its newest WINDOW entries only: ranking 50,000 matches of
# 项目 costs hundreds of milliseconds and orders them by little more than
# length. Rarer words and word combinations are ranked over every match.
WINDOW = 2000


@dataclass
class Hit:
    entry: SearchEntry
    score: float
    title: SafeString
    snippet: SafeString


@dataclass
class Results:
    query: str
    hits: list[Hit]
    more: bool  # there is at least one more result after these

    @property
    def words(self) -> list[str]:
        return highlight_words(self.query)


def _fts5_query(terms: list[list[str]]) -> str:
    parts = []
    for word, *inner in terms:
        alt = f'"{word}"'
        if inner:
            alt = "(" + alt + " OR (" + " AND ".join(f'"{w}"' for w in inner) + "))"
        parts.append(alt)
    return " AND ".join(parts)


def _tsquery(terms: list[list[str]]) -> str:
    parts = []
    for word, *inner in terms:
        alt = f"'{word}'"
        if inner:
            alt = "(" + alt + " | (" + " & ".join(f"'{w}'" for w in inner) + "))"
        parts.append(alt)
    return " & ".join(parts)


def _visible_and_hidden(user: Any) -> tuple[list[int], list[int]]:
    """The ids of the collaborations `user` may see, and of the others."""
    visible = sorted(visible_to(user).values_list("pk", flat=True))
    hidden = list(
        Collaboration.objects.exclude(pk__in=visible).order_by("pk").values_list("pk", flat=True)
    )
    return visible, hidden


def _scope_expr(user: Any, kind: str, collaboration_id: int | None) -> str:
    """FTS5 terms on the `scope` column: what the reader may see, the filters.

    Names the visible collaborations, or excludes the hidden ones, whichever
    list is shorter (a PMO sees nearly everything, a member a few).
    """
    visible, hidden = _visible_and_hidden(user)
    expr = ""
    if hidden and len(visible) + 1 <= len(hidden):
        ids = ['"c0"', *(f'"c{pk}"' for pk in visible)]
        expr = " AND scope : (" + " OR ".join(ids) + ")"
    elif hidden:
        expr = " NOT scope : (" + " OR ".join(f'"c{pk}"' for pk in hidden) + ")"
    if kind:
        expr = f' AND scope : "k{kind}"' + expr
    if collaboration_id is not None:
        expr = f' AND scope : "c{int(collaboration_id)}"' + expr
    return expr


def _ranked_ids(
    terms: list[list[str]],
    *,
    user: Any,
    kind: str,
    collaboration_id: int | None,
    limit: int,
    offset: int,
) -> list[tuple[int, float]]:
    if connection.vendor == "postgresql":
        return _ranked_ids_postgres(
            terms,
            user=user,
            kind=kind,
            collaboration_id=collaboration_id,
            limit=limit,
            offset=offset,
        )
    match = (
        "{segmented_title segmented_body} : ("
        + _fts5_query(terms)
        + ")"
        + _scope_expr(user, kind, collaboration_id)
    )
    with connection.cursor() as cursor:
        # The rowid of the WINDOW-th newest match: very common words rank
        # only the newest WINDOW matches (bm25 says little about them anyway).
        cursor.execute(
            f"SELECT rowid FROM {fts.FTS} WHERE {fts.FTS} MATCH %s"
            " ORDER BY rowid DESC LIMIT 1 OFFSET %s",
            [match, WINDOW - 1],
        )
        row = cursor.fetchone()
        floor = int(row[0]) if row else 0
        cursor.execute(
            f"SELECT rowid, -bm25({fts.FTS}, {TITLE_WEIGHT}, 1.0, 0.0) AS score"
            f" FROM {fts.FTS} WHERE {fts.FTS} MATCH %s AND rowid >= %s"
            f" ORDER BY bm25({fts.FTS}, {TITLE_WEIGHT}, 1.0, 0.0), rowid DESC"
            " LIMIT %s OFFSET %s",
            [match, floor, limit, offset],
        )
        return [(int(pk), float(score)) for pk, score in cursor.fetchall()]


def _ranked_ids_postgres(
    terms: list[list[str]],
    *,
    user: Any,
    kind: str,
    collaboration_id: int | None,
    limit: int,
    offset: int,
) -> list[tuple[int, float]]:
    # Literal id lists (not a subquery) let the planner see how much of the
    # index the reader may see.
    visible, hidden = _visible_and_hidden(user)
    where = []
    params: list[Any] = [_tsquery(terms)]
    if hidden and len(visible) + 1 <= len(hidden):
        where.append("(e.collaboration_id IS NULL OR e.collaboration_id = ANY(%s))")
        params.append(visible)
    elif hidden:
        where.append("(e.collaboration_id IS NULL OR NOT (e.collaboration_id = ANY(%s)))")
        params.append(hidden)
    if kind:
        where.append("e.kind = %s")
        params.append(kind)
    if collaboration_id is not None:
        where.append("e.collaboration_id = %s")
        params.append(collaboration_id)
    v, t = fts.VECTOR, fts.TABLE
    # The query is a literal in both places (not a CTE) so the planner sees
    # its selectivity: a common word walks the primary key backwards and
    # stops after WINDOW matches, a rare one reads the GIN index.
    # The rank is computed after the LIMIT (a correlated lookup by id), so
    # only the WINDOW rows kept are ranked, whichever plan finds them.
    sql = (
        f"SELECT m.id, (SELECT ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', x.{v},"
        f"  to_tsquery('simple', %s), 32) FROM {t} x WHERE x.id = m.id) AS score"
        f" FROM (SELECT e.id FROM {t} e WHERE e.{v} @@ to_tsquery('simple', %s)"
        f" {''.join(' AND ' + w for w in where)}"
        f" ORDER BY e.id DESC LIMIT %s) m"
        f" ORDER BY score DESC, m.id DESC LIMIT %s OFFSET %s"
    )
    params = [params[0], *params, WINDOW, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(pk), float(score)) for pk, score in cursor.fetchall()]


def search(
    user: Any,
    query: str,
    *,
    kind: str = "",
    collaboration_id: int | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    """Return the entries matching `query` that `user` may see, best first."""
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    terms = segment.query_terms(query or "")
    if not terms or user is None or not user.is_authenticated:
        return Results(query=query, hits=[], more=False)
    ranked = _ranked_ids(
        terms,
        user=user,
        kind=kind,
        collaboration_id=collaboration_id,
        limit=limit + 1,
        offset=offset,
    )
    more = len(ranked) > limit
    ranked = ranked[:limit]
    entries = SearchEntry.objects.select_related("collaboration").in_bulk([pk for pk, _ in ranked])
    words = _words(terms)
    hits = [
        Hit(
            entry=entries[pk],
            score=score,
            title=highlight(entries[pk].title, words),
            snippet=snippet(entries[pk].body, words),
        )
        for pk, score in ranked
        if pk in entries
    ]
    return Results(query=query, hits=hits, more=more)


def _words(terms: list[list[str]]) -> list[str]:
    return sorted({w for term in terms for w in term}, key=len, reverse=True)


def highlight_words(query: str) -> list[str]:
    return _words(segment.query_terms(query))


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    # Latin words and numbers match whole (api is not marked inside rapid);
    # Chinese words match anywhere, as jieba found them inside the text.
    if not words:
        return None
    latin = r"(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"
    parts = [latin.format(re.escape(w)) if w.isascii() else re.escape(w) for w in words]
    return re.compile("|".join(parts), re.IGNORECASE)


def highlight(text: str, words: list[str]) -> SafeString:
    """Escape `text` and wrap every occurrence of `words` in <mark>."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append("<mark>" + escape(m.group(0)) + "</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece is escaped above


def snippet(text: str, words: list[str], size: int = SNIPPET_CHARS) -> SafeString:
    """The original text around the first match, escaped, matches marked."""
    text = " ".join(text.split())
    pattern = _pattern(words)
    m = pattern.search(text) if pattern else None
    start = 0 if m is None else max(0, m.start() - size // 3)
    end = min(len(text), start + size)
    start = max(0, min(start, end - size))
    piece = text[start:end]
    result = highlight(piece, words)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + result + suffix)


def recent(user: Any, *, kind: str = "", limit: int = 10) -> list[SearchEntry]:
    """The latest entries `user` may see, newest first."""
    from django.db.models import Q

    qs = SearchEntry.objects.filter(
        Q(collaboration__isnull=True) | Q(collaboration__in=visible_to(user).values("pk"))
    ).select_related("collaboration")
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs.order_by("-when", "-id")[:limit])
