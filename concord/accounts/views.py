"""Login, logout, the language switch and the personal API tokens page."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_http_methods, require_POST

from concord.lib.errors import DomainError

from . import access, selectors, services
from .forms import LoginForm, TokenCreateForm


class ConcordLoginView(LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        person = getattr(form.get_user(), "person", None)
        if person is not None:
            # The saved language wins over whatever this browser had: the
            # person chose it, on this or another machine.
            _set_language_cookie(response, person.language)
        return response


class ConcordLogoutView(LogoutView):
    """Django's LogoutView: POST only (a GET answers 405)."""


def _set_language_cookie(response: HttpResponseBase, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, plus remembering the choice on the person's profile."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if (
        request.user.is_authenticated
        and hasattr(request.user, "person")
        and language in dict(settings.LANGUAGES)
    ):
        services.person_set_language(actor=request.user, language=language)
    return response


def _tokens_page(
    request: HttpRequest, form: TokenCreateForm, raw_token: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "tokens": selectors.tokens_of(request.user),
        "form": form,
        "raw_token": raw_token,
    }
    return render(request, "accounts/tokens.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """List my tokens; POST creates one and shows its value this once."""
    if request.method == "GET":
        return _tokens_page(request, TokenCreateForm())
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        return _tokens_page(request, form, status=400)
    try:
        _token, raw = services.token_create(
            actor=request.user, user=request.user, name=form.cleaned_data["name"]
        )
    except DomainError as exc:
        form.add_error(None, str(exc.message))
        return _tokens_page(request, form, status=exc.status)
    response = _tokens_page(request, TokenCreateForm(), raw_token=raw)
    # The one page that holds a secret must not be kept by a shared cache
    # or the browser's back button.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of my tokens; htmx gets the refreshed table back."""
    try:
        token = access.own_token(request.user, token_id)
    except DomainError as exc:
        raise Http404 from exc
    try:
        services.token_revoke(actor=request.user, token=token)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    if request.htmx:  # type: ignore[attr-defined]
        context = {"tokens": selectors.tokens_of(request.user)}
        return render(request, "accounts/partials/token_table.html", context)
    return redirect("accounts:tokens")
