"""Small helpers every app's views share: hidden-is-404 and service errors on forms."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.http import Http404

from .errors import DomainError

T = TypeVar("T")


def or_404(call: Callable[..., T], *args: Any) -> T:
    """Return `call(*args)`, turning a not-found domain error into a 404 page.

    Access functions answer "not found" both for what is missing and for what
    the user may not see, so neither can be told apart from the outside.
    """
    try:
        return call(*args)
    except DomainError as exc:
        if exc.code == "not_found":
            raise Http404(str(exc.message)) from None
        raise


def show_errors(form: Any, exc: DomainError) -> None:
    """Put a service's messages beside the form's fields, the rest above the form."""
    placed = False
    for field, msgs in (exc.details or {}).items():
        if field in form.fields:
            for msg in msgs:
                form.add_error(field, msg)
                placed = True
    if not placed:
        form.add_error(None, str(exc.message))
