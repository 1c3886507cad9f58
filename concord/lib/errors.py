"""The one error type of the domain.

Services raise `DomainError` with a translatable message; HTML views turn it
into a form error or a message, the API into a JSON body with the status
that its `code` maps to. Bad input is never a 500.
"""

from collections.abc import Mapping
from typing import Any, ClassVar

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain refused the request; the message is for the user."""

    http_status: ClassVar[dict[str, int]] = {
        "invalid": 400,
        "forbidden": 403,
        "not_found": 404,
        "conflict": 409,
        "locked": 423,
    }

    def __init__(
        self,
        message: str | Promise,
        *,
        code: str = "invalid",
        field: str | None = None,
        details: Mapping[str, list[str | Promise]] | None = None,
    ) -> None:
        super().__init__(str(message))
        if code not in self.http_status:
            raise ValueError(f"unknown DomainError code {code!r}")
        self.message = message
        self.code = code
        self.details: dict[str, list[str]] = {
            name: [str(m) for m in msgs] for name, msgs in (details or {}).items()
        }
        if field:
            self.details.setdefault(field, []).append(str(message))

    @property
    def status(self) -> int:
        return self.http_status[self.code]

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": str(self.message), "details": self.details}


def not_found() -> DomainError:
    """Return the error for an object that is missing or hidden from the actor.

    Both cases answer alike so that an outsider cannot probe for existence.
    """
    from django.utils.translation import gettext as _

    return DomainError(_("Not found."), code="not_found")
