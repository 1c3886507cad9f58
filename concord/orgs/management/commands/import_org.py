"""`concord import_org FILE [--dry-run]`: import departments and people from .xlsx."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.lib.errors import DomainError
from concord.orgs.importing import import_org


class Command(BaseCommand):
    help = (
        "Import departments and people from an .xlsx workbook (sheets 'departments' and "
        "'people'). With any bad row nothing changes and every error is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Path of the .xlsx workbook.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, change nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], "rb") as fh:
                # The command runs as the system (actor None), like `demo`.
                report = import_org(actor=None, file=fh, dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        for e in report.errors:
            self.stderr.write(f"{e.sheet} row {e.row}, {e.column}: {e.message}")
        summary = (
            f"departments: {report.departments_created} new, {report.departments_updated} changed; "
            f"people: {report.people_created} new, {report.people_updated} changed"
        )
        if not report.ok:
            raise CommandError(f"{len(report.errors)} error(s); nothing was changed.")
        prefix = "Dry run, nothing changed. Would apply" if report.dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {summary}"))
