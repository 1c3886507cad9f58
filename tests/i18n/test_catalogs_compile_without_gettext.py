"""`concord compile_catalogs` writes .mo files with polib alone (no msgfmt needed)."""

import gettext
from io import StringIO
from pathlib import Path

import polib  # type: ignore[import-untyped]
from django.core.management import call_command


def _write_po(path: Path) -> None:
    path.parent.mkdir(parents=True)
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalog.append(polib.POEntry(msgid="Inbox", msgstr="收件箱"))
    catalog.append(polib.POEntry(msgid="Log in", msgstr="猜的", flags=["fuzzy"]))
    catalog.save(str(path))


def test_it_compiles_every_catalog_and_leaves_out_fuzzy_entries(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    po = tmp_path / "zh_Hans" / "LC_MESSAGES" / "django.po"
    _write_po(po)
    settings.LOCALE_PATHS = [tmp_path]
    out = StringIO()
    call_command("compile_catalogs", stdout=out)
    mo = po.with_suffix(".mo")
    assert str(mo) in out.getvalue()
    with mo.open("rb") as fh:
        translations = gettext.GNUTranslations(fh)
    assert translations.gettext("Inbox") == "收件箱"
    assert translations.gettext("Log in") == "Log in"
    assert "fuzzy" in po.read_text(), "the .po file itself is left as it was"
