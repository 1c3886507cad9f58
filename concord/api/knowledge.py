"""Knowledge and standard forms over the API."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema

router = Router()


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


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

    collab = collaboration_for(_user(request), ref)
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
        for row in rows_of(collab, _user(request))
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

    collab = collaboration_for(_user(request), ref)
    return export(collab, _user(request), key, fmt, lang or None)
