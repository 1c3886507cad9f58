"""Archive and closing (归档、结项) over the API.

Everything hangs under a collaboration, named by its number
(`XQ-2026-0001`). A collaboration the caller may not see answers 404 like
a missing one. The checklist says per document type whether it is
required and present (generated from live data, uploaded) or waived;
closing refuses with 409 naming what is missing. Bundles are built in the
background: poll `GET .../archive/bundles/{id}` until `state` is `ready`,
then download `.../file`.
"""

from datetime import datetime
from typing import Any

from django.http import FileResponse, HttpRequest
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from concord.api.common import name_of, user_of
from concord.closing.archive import access, selectors, services
from concord.closing.archive.models import ArchiveBundle, BundleState, Document, Waiver
from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.knowledge.naming import content_disposition
from concord.lib.errors import not_found

router = Router()

BASE = "/collaborations/{ref}"


def _get(request: HttpRequest, ref: str) -> Collaboration:
    return collaboration_for(user_of(request), ref)


# --- Schemas -------------------------------------------------------------


class DocumentOut(Schema):
    id: int
    doc_type: str = Field(..., examples=["minutes"])
    title: str = Field(..., examples=["会议纪要"])
    version: int
    current: bool
    name: str = Field(..., examples=["新品上市推广-2026-11-21-会议纪要.docx"])
    original_name: str
    size: int
    uploaded_by: str
    uploaded_at: datetime
    url: str

    @staticmethod
    def from_doc(doc: Document) -> "DocumentOut":
        return DocumentOut(
            id=doc.pk,
            doc_type=doc.doc_type,
            title=doc.title,
            version=doc.version,
            current=doc.current,
            name=doc.name,
            original_name=doc.original_name,
            size=doc.size,
            uploaded_by=name_of(doc.uploaded_by),
            uploaded_at=doc.uploaded_at,
            url=f"/api/v1/collaborations/{doc.collaboration.ref}/archive/documents/{doc.pk}/file",
        )


class WaiverOut(Schema):
    id: int
    doc_type: str
    reason: str
    waived_by: str
    waived_at: datetime
    revoked_at: datetime | None = None

    @staticmethod
    def from_waiver(waiver: Waiver) -> "WaiverOut":
        return WaiverOut(
            id=waiver.pk,
            doc_type=waiver.doc_type,
            reason=waiver.reason,
            waived_by=name_of(waiver.waived_by),
            waived_at=waiver.waived_at,
            revoked_at=waiver.revoked_at,
        )


class ItemOut(Schema):
    doc_type: str = Field(..., examples=["minutes"])
    label: str = Field(..., examples=["会议纪要"])
    required: bool
    status: str = Field(
        ..., description="present | missing | waived | absent (optional, not there)"
    )
    generated: list[str] = Field(..., description="Keys of the standard forms that fill it.")
    uploads: list[DocumentOut]
    waiver: WaiverOut | None = None


class BundleOut(Schema):
    id: int
    state: BundleState
    final: bool
    done: int
    total: int
    percent: int
    name: str
    size: int
    error: str
    requested_by: str
    requested_at: datetime
    finished_at: datetime | None = None
    url: str | None = Field(None, description="Download URL once ready.")

    @staticmethod
    def from_bundle(bundle: ArchiveBundle) -> "BundleOut":
        ready = bundle.state == BundleState.READY
        return BundleOut(
            id=bundle.pk,
            state=BundleState(bundle.state),
            final=bundle.final,
            done=bundle.done,
            total=bundle.total,
            percent=bundle.percent,
            name=bundle.name,
            size=bundle.size,
            error=bundle.error,
            requested_by=name_of(bundle.requested_by),
            requested_at=bundle.requested_at,
            finished_at=bundle.finished_at,
            url=(
                f"/api/v1/collaborations/{bundle.collaboration.ref}/archive/bundles/"
                f"{bundle.pk}/file"
                if ready
                else None
            ),
        )


class ArchiveOut(Schema):
    state: str = Field(..., examples=["executing"])
    complete: bool = Field(..., description="Every required document is present or waived.")
    missing: list[str] = Field(..., examples=[["minutes"]])
    items: list[ItemOut]
    others: list[DocumentOut]
    open_tasks: int
    open_issues: int
    latest_bundle: BundleOut | None = None
    can_upload: bool
    can_waive: bool
    can_build: bool
    can_close: bool


class WaiveIn(Schema):
    doc_type: str = Field(..., examples=["issue_table"])
    reason: str = Field(..., max_length=2000, examples=["本协作未产生问题,无问题跟踪表"])


class CloseIn(Schema):
    note: str = Field("", max_length=2000, examples=["成果已验收,资料齐全"])


# --- Endpoints -----------------------------------------------------------


@router.get(BASE + "/archive", response=ArchiveOut, summary="Archive checklist")
def archive_get(request: HttpRequest, ref: str) -> Any:
    collab = _get(request, ref)
    user = user_of(request)
    found = selectors.checklist_of(collab, user)
    open_work = selectors.open_work(collab)
    latest = selectors.latest_bundle(collab)
    return ArchiveOut(
        state=collab.state,
        complete=found.complete,
        missing=[i.doc_type for i in found.missing],
        items=[
            ItemOut(
                doc_type=i.doc_type,
                label=i.label,
                required=i.required,
                status=i.status,
                generated=[s.key for s in i.generated],
                uploads=[DocumentOut.from_doc(d) for d in i.uploads],
                waiver=WaiverOut.from_waiver(i.waiver) if i.waiver else None,
            )
            for i in found.items
        ],
        others=[DocumentOut.from_doc(d) for d in found.others],
        open_tasks=open_work["tasks"],
        open_issues=open_work["issues"],
        latest_bundle=BundleOut.from_bundle(latest) if latest else None,
        can_upload=access.may_upload(user, collab),
        can_waive=access.may_waive(user, collab),
        can_build=access.may_build(user, collab),
        can_close=access.may_close(user, collab),
    )


@router.get(BASE + "/archive/documents", response=list[DocumentOut], summary="Archive documents")
def documents_list(request: HttpRequest, ref: str, all_versions: bool = False) -> Any:
    collab = _get(request, ref)
    qs = selectors.document_history(collab) if all_versions else selectors.current_documents(collab)
    return [DocumentOut.from_doc(d) for d in qs]


@router.post(
    BASE + "/archive/documents",
    response={201: DocumentOut},
    summary="Upload an archive document",
)
def document_upload(
    request: HttpRequest,
    ref: str,
    file: File[UploadedFile],
    doc_type: Form[str],
    title: Form[str] = "",
) -> Any:
    """Multipart: `file`, `doc_type` (a checklist type or `other`), `title` (for `other`).

    The file is renamed 「项目名称-日期-类型」; uploading the same type again
    adds a version and keeps the earlier one.
    """
    doc = services.document_upload(
        actor=user_of(request),
        collaboration=_get(request, ref),
        doc_type=doc_type,
        title=title,
        file=file,
    )
    return Status(201, DocumentOut.from_doc(doc))


@router.get(BASE + "/archive/documents/{doc_id}/file", summary="Download an archive document")
def document_file(request: HttpRequest, ref: str, doc_id: int) -> FileResponse:
    doc = Document.objects.filter(collaboration=_get(request, ref), pk=doc_id).first()
    if doc is None:
        raise not_found()
    response = FileResponse(
        doc.file.open("rb"), content_type=doc.content_type or "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition(doc.name)
    return response


@router.post(BASE + "/archive/waivers", response={201: WaiverOut}, summary="Waive a document")
def waiver_create(request: HttpRequest, ref: str, payload: WaiveIn) -> Any:
    """The PMO waives a required document of the checklist, with a reason."""
    waiver = services.archive_waive(
        actor=user_of(request),
        collaboration=_get(request, ref),
        doc_type=payload.doc_type,
        reason=payload.reason,
    )
    return Status(201, WaiverOut.from_waiver(waiver))


@router.post(
    BASE + "/archive/waivers/{waiver_id}/revoke",
    response=WaiverOut,
    summary="Revoke a waiver",
)
def waiver_revoke(request: HttpRequest, ref: str, waiver_id: int) -> Any:
    waiver = Waiver.objects.filter(collaboration=_get(request, ref), pk=waiver_id).first()
    if waiver is None:
        raise not_found()
    return WaiverOut.from_waiver(
        services.archive_waiver_revoke(actor=user_of(request), waiver=waiver)
    )


@router.get(BASE + "/archive/bundles", response=list[BundleOut], summary="Archive bundles")
def bundles_list(request: HttpRequest, ref: str) -> Any:
    return [BundleOut.from_bundle(b) for b in selectors.bundles_of(_get(request, ref))]


@router.post(
    BASE + "/archive/bundles", response={202: BundleOut}, summary="Build an archive bundle now"
)
def bundle_create(request: HttpRequest, ref: str) -> Any:
    """Queue a bundle (.zip with every present document and an index); poll it for progress."""
    bundle = services.bundle_request(actor=user_of(request), collaboration=_get(request, ref))
    return Status(202, BundleOut.from_bundle(bundle))


def _bundle(request: HttpRequest, ref: str, bundle_id: int) -> ArchiveBundle:
    bundle = (
        selectors.bundles_of(_get(request, ref))
        .select_related("collaboration")
        .filter(pk=bundle_id)
    ).first()
    if bundle is None:
        raise not_found()
    return bundle


@router.get(BASE + "/archive/bundles/{bundle_id}", response=BundleOut, summary="Bundle progress")
def bundle_get(request: HttpRequest, ref: str, bundle_id: int) -> Any:
    return BundleOut.from_bundle(_bundle(request, ref, bundle_id))


@router.get(BASE + "/archive/bundles/{bundle_id}/file", summary="Download a bundle")
def bundle_file(request: HttpRequest, ref: str, bundle_id: int) -> FileResponse:
    bundle = _bundle(request, ref, bundle_id)
    if bundle.state != BundleState.READY or not bundle.file:
        raise not_found()
    response = FileResponse(bundle.file.open("rb"), content_type="application/zip")
    response["Content-Disposition"] = content_disposition(bundle.name)
    return response


class CloseOut(Schema):
    state: str = Field(..., examples=["closed"])
    bundle: BundleOut = Field(..., description="The final archive bundle, queued.")


@router.post(BASE + "/close", response=CloseOut, summary="Close the collaboration")
def close(request: HttpRequest, ref: str, payload: CloseIn) -> Any:
    """Close (结项): 409 naming the missing documents while the archive gate is not met.

    Open tasks and issues do not block closing (see `open_tasks`/`open_issues`
    of the archive). The final archive bundle is queued at once.
    """
    collab = services.collaboration_close(
        actor=user_of(request), collaboration=_get(request, ref), note=payload.note
    )
    latest = selectors.latest_bundle(collab)
    if latest is None:  # closing queues it in the same transaction: never
        raise not_found()
    return CloseOut(state=collab.state, bundle=BundleOut.from_bundle(latest))
