"""Map every failure to one JSON shape: `{"code", "message", "details"}`.

Bad input is a 4xx, never a 500: malformed JSON is 400, a missing or bad
token 401, a refused action 403, an unknown route or object 404, a wrong
method 405, invalid fields 422 with the messages per field.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from concord.lib.errors import DomainError

_CODES = {
    400: "invalid",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "throttled",
}


def body(code: str, message: str, details: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details or {}}


def _field_path(loc: list[Any]) -> str:
    # ninja reports e.g. ["body", "payload", "days"]; clients want "days".
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "__all__"


def _message_for(status: int, fallback: str) -> str:
    messages = {
        400: _("The request could not be read."),
        401: _("A valid API token is required."),
        403: _("You may not do this."),
        404: _("Not found."),
        405: _("This method is not allowed here."),
        429: _("Too many requests; try again later."),
    }
    return messages.get(status, fallback)


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
        result = body("invalid", _("The request has invalid fields."), details)
        return api.create_response(request, result, status=422)

    @api.exception_handler(AuthenticationError)
    def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        result = body("unauthenticated", _message_for(401, ""))
        response = api.create_response(request, result, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = exc.status_code
        # ninja's own messages ("Cannot parse request body", "CSRF check
        # Failed") are English-only: give the client ours, keep theirs as detail.
        result = body(
            _CODES.get(status, "error"),
            _message_for(status, str(exc.message)),
            {"__all__": [str(exc.message)]},
        )
        return api.create_response(request, result, status=status)

    @api.exception_handler(Http404)
    def http_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, body("not_found", _message_for(404, "")), status=404)


def json_error(status: int) -> JsonResponse:
    """Answer with the error shape outside ninja's views (unknown route, wrong method)."""
    code = _CODES.get(status, "error")
    return JsonResponse(body(code, _message_for(status, "")), status=status)


def json_errors(view: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a ninja URL view so what it answers outside its operations is JSON too.

    ninja answers a wrong method with plain text, and its API root raises
    Http404 past the exception handlers (a Django HTML page).
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return json_error(404)
        if getattr(response, "status_code", None) == 405 and "Allow" in response:
            allowed = response["Allow"]
            response = json_error(405)
            response["Allow"] = allowed
        return response

    return wrapper
