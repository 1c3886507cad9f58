"""The knowledge base home and the search page."""

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError

from . import search as engine
from .models import Kind

PER_PAGE = 20
RECENT_PER_KIND = 6


def _collab_filter(request: HttpRequest, ref: str) -> Collaboration | None:
    if not ref:
        return None
    try:
        return collaboration_for(request.user, ref)
    except DomainError as exc:
        if exc.code == "not_found":
            raise Http404(str(exc.message)) from None
        raise


def _page(value: str) -> int:
    try:
        return max(1, min(int(value), 50))
    except ValueError:
        return 1


@login_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        kind = ""
    collab = _collab_filter(request, request.GET.get("collaboration", "").strip())
    page = _page(request.GET.get("page", "1"))
    results = engine.search(
        request.user,
        q,
        kind=kind,
        collaboration_id=collab.pk if collab else None,
        limit=PER_PAGE,
        offset=(page - 1) * PER_PAGE,
    )
    params: dict[str, Any] = {"q": q}
    if kind:
        params["kind"] = kind
    if collab:
        params["collaboration"] = collab.ref
    return render(
        request,
        "knowledge/search.html",
        {
            "q": q,
            "kind": kind,
            "collab": collab,
            "kinds": Kind.choices,
            "results": results,
            "page": page,
            "first": (page - 1) * PER_PAGE + 1,
            "prev_url": f"?{urlencode({**params, 'page': page - 1})}" if page > 1 else "",
            "next_url": f"?{urlencode({**params, 'page': page + 1})}" if results.more else "",
        },
    )


@login_required
@require_GET
def knowledge_home(request: HttpRequest) -> HttpResponse:
    sections = [
        (value, label, engine.recent(request.user, kind=value, limit=RECENT_PER_KIND))
        for value, label in Kind.choices
    ]
    return render(
        request,
        "knowledge/home.html",
        {"sections": sections, "kinds": Kind.choices},
    )
