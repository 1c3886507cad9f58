"""Running `concord demo` from a test."""

from io import StringIO

from django.core.management import call_command


def run_demo(*args: str, allow_warnings: bool = False) -> str:
    """Return what the command printed; fail on any warning unless told to allow them."""
    out, err = StringIO(), StringIO()
    call_command("demo", *args, stdout=out, stderr=err)
    if not allow_warnings:
        assert err.getvalue() == "", err.getvalue()
    return out.getvalue() + err.getvalue()
