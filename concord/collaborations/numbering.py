"""Request numbers: `XQ-<year>-<NNNN>`, sequential per year, no gaps, no duplicates.

The per-year counter row is locked for the rest of the submit transaction:
a concurrent submit waits for it, and a submit that rolls back gives its
number back with it. That is why numbers are taken at submit, not at
creation: drafts that are never sent burn no numbers.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import RequestSequence

PREFIX = "XQ"


def format_number(year: int, n: int) -> str:
    return f"{PREFIX}-{year}-{n:04d}"


def next_number() -> str:
    """Take the next number of the current (local) year; call inside the submit transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside the submit transaction")
    year = timezone.localdate().year
    row = RequestSequence.objects.select_for_update().filter(year=year).first()
    if row is None:
        # The first submit of a year creates the row; two racing first
        # submits meet on its unique year, and the loser locks the winner's.
        try:
            with transaction.atomic():
                row = RequestSequence.objects.create(year=year, last=0)
        except IntegrityError:
            row = RequestSequence.objects.select_for_update().get(year=year)
    row.last += 1
    row.save(update_fields=["last"])
    return format_number(year, row.last)
