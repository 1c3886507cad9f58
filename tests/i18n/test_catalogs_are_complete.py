"""The Chinese catalog translates every string the code and templates use.

Fails when someone adds a UI string without running makemessages and
translating it, when an entry is left untranslated or fuzzy, or when a
catalog is missing.
"""

import os
import shutil
from pathlib import Path

import polib  # type: ignore[import-untyped]
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "concord" / "locale"
CATALOGS = {lang: LOCALE / lang / "LC_MESSAGES" / "django.po" for lang in ("zh_Hans", "en")}


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _live(catalog: polib.POFile) -> list[polib.POEntry]:
    return [e for e in catalog if not e.obsolete]


@pytest.mark.parametrize("lang", sorted(CATALOGS))
def test_the_catalog_exists(lang: str) -> None:
    assert CATALOGS[lang].is_file(), f"run makemessages -l {lang} (see README, translations)"


def test_no_chinese_entry_is_untranslated_or_fuzzy() -> None:
    catalog = polib.pofile(str(CATALOGS["zh_Hans"]))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert untranslated == [], f"untranslated: {untranslated[:20]}"
    assert fuzzy == [], f"fuzzy: {fuzzy[:20]}"


def test_makemessages_would_add_no_new_string(tmp_path: Path, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Extract the strings from a copy of the code and compare with the catalog."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext is missing (apt-get install gettext)")
        pytest.skip("xgettext is missing (apt-get install gettext)")
    current = polib.pofile(str(CATALOGS["zh_Hans"]))
    known = {_key(e) for e in _live(current)}

    copy = tmp_path / "concord"
    shutil.copytree(
        ROOT / "concord", copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static")
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["zh_Hans"], no_obsolete=True, verbosity=0)

    extracted = polib.pofile(str(copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"))
    missing = sorted({_key(e) for e in _live(extracted)} - known)
    assert missing == [], f"{len(missing)} strings not in the catalog, e.g. {missing[:10]}"
