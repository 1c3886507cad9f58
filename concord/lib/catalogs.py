"""Compile the translation catalogs without GNU gettext.

An intranet machine often lacks `msgfmt`; polib writes the same `.mo`
files from pure Python, so `concord compile_catalogs` works anywhere.
"""

from pathlib import Path

import polib  # type: ignore[import-untyped]
from django.conf import settings


def catalog_paths() -> list[Path]:
    """Return every `<locale>/LC_MESSAGES/django.po` under the project's locale folders."""
    found: list[Path] = []
    for folder in settings.LOCALE_PATHS:
        found.extend(sorted(Path(folder).glob("*/LC_MESSAGES/django.po")))
    return found


def compile_catalogs() -> list[Path]:
    """Write a `.mo` beside each `.po` and return the files written.

    Fuzzy entries are left out, as msgfmt does: a guess must not reach users.
    """
    written = []
    for po_path in catalog_paths():
        catalog = polib.pofile(str(po_path))
        for entry in catalog.fuzzy_entries():
            catalog.remove(entry)
        mo_path = po_path.with_suffix(".mo")
        catalog.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written
