"""Knowledge and standard forms over the API."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from concord.api.common import user_of

router = Router()


# --- Standard forms ----------------------------------------------------------


class FormLinkOut(Schema):
    format: str = Field(..., examples=["pdf"])
    lang: str = Field(..., examples=["zh-hans"])
    url: str = Field(
        ..., examples=["/api/v1/collaborations/XQ-2026-0001/forms/tasks.progress.pdf?lang=zh-hans"]
    )


class FormOut(Schema):
    key: str = Field(..., examples=["collaborations.request"])
    title: str = Field(..., examples=["跨部门协作需求申请表"])
    title_zh: str = Field(..., examples=["跨部门协作需求申请表"])
    title_en: str = Field(..., examples=["Cross-department collaboration request form"])
    formats: list[str] = Field(..., examples=[["docx", "pdf"]])
    archive_doc: str | None = Field(None, examples=["request"])
    has_content: bool = Field(..., description="False when the form has nothing in it yet.")
    downloads: list[FormLinkOut]


@router.get(
    "/collaborations/{ref}/forms",
    response=list[FormOut],
    summary="The standard forms of a collaboration, with download links",
)
def form_list(request: HttpRequest, ref: str) -> list[dict[str, Any]]:
    from concord.collaborations.access import collaboration_for
    from concord.knowledge.form_views import rows_of

    collab = collaboration_for(user_of(request), ref)
    return [
        {
            "key": row.spec.key,
            "title": row.title,
            "title_zh": row.spec.label[0],
            "title_en": row.spec.label[1],
            "formats": list(row.spec.formats),
            "archive_doc": row.spec.archive_doc,
            "has_content": row.has_content,
            "downloads": [
                {"format": fmt, "lang": lang, "url": f"/api/v1{url}"}
                for fmt, lang, url in row.links
            ],
        }
        for row in rows_of(collab, user_of(request))
    ]


@router.get(
    "/collaborations/{ref}/forms/{key}.{fmt}",
    summary="Download a standard form (docx|pdf|xlsx, ?lang=zh-hans|en) named 「名称-日期-类型」",
)
def form_download(
    request: HttpRequest, ref: str, key: str, fmt: str, lang: str = ""
) -> HttpResponse:
    from concord.collaborations.access import collaboration_for
    from concord.knowledge.forms import export

    collab = collaboration_for(user_of(request), ref)
    return export(collab, user_of(request), key, fmt, lang or None)


# --- Knowledge search (the SEARCH helper's block) ------------------------------


class SearchHitOut(Schema):
    kind: str = Field(..., examples=["decision"])
    kind_label: str = Field(..., examples=["决议"])
    title: str = Field(..., examples=["关于年度预算调整的决议"])
    title_html: str = Field(..., description="The title, HTML-escaped, matches in <mark>.")
    snippet_html: str = Field(
        ..., description="Original text around the first match, HTML-escaped, matches in <mark>."
    )
    url: str = Field(..., examples=["/collaborations/XQ-2026-0001/meetings/3/"])
    when: datetime
    collaboration: str | None = Field(None, examples=["XQ-2026-0001"])
    collaboration_name: str | None = Field(None, examples=["新品上市推广"])
    score: float


class SearchOut(Schema):
    query: str
    words: list[str] = Field(..., description="The words searched for, after segmentation.")
    more: bool = Field(..., description="True when more results follow (raise offset).")
    results: list[SearchHitOut]


@router.get(
    "/search",
    response=SearchOut,
    summary="Full-text search of the knowledge base (only what the caller may see)",
)
def knowledge_search(
    request: HttpRequest,
    q: str,
    kind: str = "",
    collaboration: str = "",
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    from concord.collaborations.access import collaboration_for
    from concord.knowledge.models import Kind
    from concord.knowledge.search import search
    from concord.lib.errors import DomainError

    if kind and kind not in Kind.values:
        raise DomainError(_("Unknown kind."), code="invalid", field="kind")
    if not 1 <= limit <= 100:
        raise DomainError(
            _("%(name)s must be between %(low)s and %(high)s.")
            % {"name": "limit", "low": 1, "high": 100},
            code="invalid",
            field="limit",
        )
    if offset < 0 or offset > 1000:
        raise DomainError(
            _("%(name)s must be between %(low)s and %(high)s.")
            % {"name": "offset", "low": 0, "high": 1000},
            code="invalid",
            field="offset",
        )
    user = user_of(request)
    collab = collaboration_for(user, collaboration) if collaboration else None
    results = search(
        user,
        q[:200],
        kind=kind,
        collaboration_id=collab.pk if collab else None,
        limit=limit,
        offset=offset,
    )
    return {
        "query": results.query,
        "words": results.words,
        "more": results.more,
        "results": [
            {
                "kind": hit.entry.kind,
                "kind_label": hit.entry.get_kind_display(),
                "title": hit.entry.title,
                "title_html": str(hit.title),
                "snippet_html": str(hit.snippet),
                "url": hit.entry.url,
                "when": hit.entry.when,
                "collaboration": hit.entry.collaboration.ref if hit.entry.collaboration else None,
                "collaboration_name": (
                    hit.entry.collaboration.name if hit.entry.collaboration else None
                ),
                "score": hit.score,
            }
            for hit in results.hits
        ],
    }
