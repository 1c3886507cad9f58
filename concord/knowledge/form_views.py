"""The standard forms page of a collaboration and its downloads."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from concord.lib.web import or_404

from .forms import LANGUAGES, FormSpec, export, forms_for


@dataclass
class Row:
    spec: FormSpec
    title: str
    has_content: bool
    links: list[tuple[str, str, str]]  # (format, language, url)


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


def rows_of(collab: Collaboration, user: object) -> list[Row]:
    """Every form for `collab`'s kind, whether it has content, its download links."""
    rows = []
    for spec in forms_for(collab):
        try:
            doc = spec.build(collab, user)
        except DomainError:  # a builder that refuses counts as "nothing yet"
            doc = None
        base = f"/collaborations/{collab.ref}/forms/{spec.key}"
        links = [
            (fmt, lang, f"{base}.{fmt}?lang={lang}") for fmt in spec.formats for lang in LANGUAGES
        ]
        rows.append(Row(spec=spec, title=spec.title, has_content=doc is not None, links=links))
    return rows


@login_required
@require_GET
def form_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    return render(
        request,
        "knowledge/forms.html",
        {"collab": collab, "rows": rows_of(collab, request.user), "languages": LANGUAGES},
    )


@login_required
@require_GET
def form_download(request: HttpRequest, ref: str, key: str, fmt: str) -> HttpResponse:
    collab = _collab(request, ref)
    try:
        return export(collab, request.user, key, fmt, request.GET.get("lang"))
    except DomainError as exc:
        if exc.code == "not_found":
            raise Http404(str(exc.message)) from None
        messages.error(request, str(exc.message))
        return redirect("knowledge:forms", ref=collab.ref)
