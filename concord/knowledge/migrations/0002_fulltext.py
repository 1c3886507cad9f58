"""The full-text index: FTS5 on SQLite, a tsvector column + GIN on PostgreSQL.

Runs only the statements of the database at hand (see `knowledge/fts.py`).
"""

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    from concord.knowledge import fts

    fts.install(schema_editor.connection)


def backwards(apps: Any, schema_editor: Any) -> None:
    from concord.knowledge import fts

    fts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
