"""Map errors to JSON bodies: `{"code", "message", "details"}`; never a 500 for bad input."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from concord.lib.errors import DomainError


def _body(code: str, message: str, details: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details or {}}


def _field_path(loc: list[Any]) -> str:
    # ninja reports e.g. ["body", "payload", "days"]; clients want "days".
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "__all__"


def install(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return api.create_response(request, exc.as_dict(), status=exc.status)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details: dict[str, list[str]] = {}
        for err in exc.errors:
            details.setdefault(_field_path(list(err.get("loc", []))), []).append(
                str(err.get("msg", ""))
            )
        body = _body("invalid", _("The request has invalid fields."), details)
        return api.create_response(request, body, status=422)

    @api.exception_handler(AuthenticationError)
    def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        body = _body("unauthenticated", _("A valid API token is required."))
        return api.create_response(request, body, status=401)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(
            request, _body("error", str(exc.message)), status=exc.status_code
        )
