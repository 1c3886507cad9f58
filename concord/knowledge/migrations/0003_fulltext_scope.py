"""SQLite: the FTS5 table also indexes scope tokens (collaboration, kind).

Drops the full-text side of 0002 and installs the current one, re-reading
every entry (see `knowledge/fts.py`); PostgreSQL is unchanged.
"""

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    from concord.knowledge import fts

    if schema_editor.connection.vendor == "sqlite":
        fts.uninstall(schema_editor.connection)
        fts.rebuild(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
