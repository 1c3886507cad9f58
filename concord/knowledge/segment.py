"""Chinese word segmentation for the search index (jieba).

One tokenizer per process, built lazily on first use; jieba's prefix
dictionary is cached under the data directory so a restart loads it from
the cache instead of rebuilding it (about a second). An optional user
dictionary, `<DATA_DIR>/search/userdict.txt` (jieba's format: one
"word [freq] [tag]" per line), adds the organization's own terms; the
`fingerprint()` changes with it, and `concord reindex` re-cuts entries cut
with another dictionary.

Indexed text and queries are cut the same way (`cut_for_search`, which
also yields the shorter words inside a long one, so 预算 is found inside
预算管理), lower-cased, words only.
"""

import hashlib
import logging
import re
import threading
import warnings
from pathlib import Path
from typing import Any

from django.conf import settings

_lock = threading.Lock()
_tokenizer: Any = None
_fingerprint = ""

# A word is a run of letters, digits or CJK characters; everything else
# (punctuation, FTS5 and tsquery syntax characters) separates words.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _user_dict() -> Path:
    return Path(settings.DATA_DIR) / "search" / "userdict.txt"


def _load() -> Any:
    global _tokenizer, _fingerprint
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is not None:
            return _tokenizer
        with warnings.catch_warnings():
            # jieba imports pkg_resources, which warns on import.
            warnings.simplefilter("ignore")
            import jieba
        logging.getLogger("jieba").setLevel(logging.WARNING)
        jieba.setLogLevel(logging.WARNING)
        cache_dir = Path(settings.DATA_DIR) / "cache"
        tokenizer = jieba.Tokenizer()
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache_dir)
        except OSError:  # a read-only data dir: jieba falls back to the temp dir
            pass
        tokenizer.initialize()
        digest = hashlib.sha1(f"jieba {jieba.__version__}".encode())
        user_dict = _user_dict()
        if user_dict.exists():
            tokenizer.load_userdict(str(user_dict))
            digest.update(user_dict.read_bytes())
        _fingerprint = digest.hexdigest()[:16]
        _tokenizer = tokenizer
        return tokenizer


def fingerprint() -> str:
    """Identify the dictionary in use; stored on each entry it cut."""
    _load()
    return _fingerprint


def words(text: str) -> list[str]:
    """Cut `text` into lower-cased search words (long words and the words inside them)."""
    if not text:
        return []
    out: list[str] = []
    for token in _load().cut_for_search(text):
        out.extend(w.lower() for w in _WORD.findall(token))
    return out


def segment(text: str) -> str:
    """The text the full-text index reads: words separated by spaces."""
    return " ".join(words(text))


def _covers(inner: list[str], word: str) -> bool:
    """True when the inner words together cover every character of `word`."""
    covered = [False] * len(word)
    for w in inner:
        start = word.find(w)
        while start >= 0:
            covered[start : start + len(w)] = [True] * len(w)
            start = word.find(w, start + 1)
    return bool(inner) and all(covered)


def query_terms(query: str) -> list[list[str]]:
    """Cut a query into terms, each with its alternatives.

    Every term must match. A term is a word in jieba's precise mode; a long
    one may also match as all of the shorter words inside it (in case the
    document's context cut it differently) when they cover all of it:
    中华人民共和国 also matches 中华 华人 人民 共和 共和国 together, but
    跨部门 does not fall back to 部门 alone. Returns, per term,
    `[word, *inner_words]`; never contains syntax characters.
    """
    tokenizer = _load()
    terms: list[list[str]] = []
    seen: set[str] = set()
    for token in tokenizer.cut(query[:500]):
        for word in _WORD.findall(token):
            word = word.lower()
            if word in seen:
                continue
            seen.add(word)
            inner = list(
                dict.fromkeys(
                    w.lower()
                    for t in tokenizer.cut_for_search(word)
                    for w in _WORD.findall(t)
                    if w.lower() != word
                )
            )
            terms.append([word, *inner] if _covers(inner, word) else [word])
    return terms[:16]
