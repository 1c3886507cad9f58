"""Make the event table append-only in the database itself.

The model and the admin already refuse changes; the triggers close the
door for raw SQL and any other client of the database. On PostgreSQL both
UPDATE and DELETE are refused (TRUNCATE, a privileged maintenance
statement, is left to the database owner). SQLite refuses UPDATE; its
DELETE stays open because Django's test flush empties tables with DELETE,
and the model, queryset and admin refuse it there.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION activity_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'activity_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER activity_event_no_update BEFORE UPDATE ON activity_event
    FOR EACH ROW EXECUTE FUNCTION activity_event_append_only();
CREATE TRIGGER activity_event_no_delete BEFORE DELETE ON activity_event
    FOR EACH ROW EXECUTE FUNCTION activity_event_append_only();
"""
PG_REVERSE = """
DROP TRIGGER IF EXISTS activity_event_no_update ON activity_event;
DROP TRIGGER IF EXISTS activity_event_no_delete ON activity_event;
DROP FUNCTION IF EXISTS activity_event_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER activity_event_no_update BEFORE UPDATE ON activity_event
BEGIN
    SELECT RAISE(ABORT, 'activity_event is append-only');
END;
"""
SQLITE_REVERSE = "DROP TRIGGER IF EXISTS activity_event_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def reverse(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REVERSE)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_REVERSE)


class Migration(migrations.Migration):
    dependencies = [
        ("activity", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, reverse)]
