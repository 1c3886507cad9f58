from typing import Any

from django.core.management.base import BaseCommand

from concord.lib.catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Compile concord/locale/*/LC_MESSAGES/django.po to .mo (no GNU gettext needed)."

    def handle(self, *args: Any, **options: Any) -> None:
        written = compile_catalogs()
        for path in written:
            self.stdout.write(f"compiled {path}")
        if not written:
            self.stderr.write("no catalogs found")
