"""Running `concord demo` from a test."""

from io import StringIO

from django.core.management import call_command


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()
