"""Pages of the archive (归档) and closing (结项): thin, POST-only for changes."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.activity.display import describe
from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import FORMATS, download, get_form
from concord.knowledge.naming import content_disposition
from concord.lib.errors import DomainError
from concord.lib.web import or_404, show_errors

from . import access, forms, selectors, services
from .documents import checklist_doc
from .models import ArchiveBundle, BundleState, Document, Waiver


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


def _described(events: list[Any]) -> list[tuple[Any, Any]]:
    shown = describe(events)
    return [(event, shown[event.pk]) for event in events]


def _page(
    request: HttpRequest, collab: Collaboration, status: int = 200, **forms_: Any
) -> HttpResponse:
    kind = str(collab.kind)
    found = selectors.checklist_of(collab, request.user)
    context = {
        "collab": collab,
        "checklist": found,
        "history": [d for d in selectors.document_history(collab) if not d.current],
        "events": _described(selectors.archive_events(collab)),
        "bundles": list(selectors.bundles_of(collab)[:5]),
        "open_work": selectors.open_work(collab),
        "can_upload": access.may_upload(request.user, collab),
        "can_waive": access.may_waive(request.user, collab),
        # The form to waive shows only while something is missing (a waiver is revoked in the list).
        "offer_waiver": bool(found.missing) or "waive_form" in forms_,
        "can_build": access.may_build(request.user, collab),
        "can_close": access.may_close(request.user, collab),
        "upload_form": forms_.get("upload_form") or forms.UploadForm(kind=kind),
        "waive_form": forms_.get("waive_form")
        or forms.WaiveForm(kind=kind, only=[item.doc_type for item in found.missing]),
        "close_form": forms_.get("close_form") or forms.CloseForm(),
        "formats": ("docx", "pdf", "xlsx"),
    }
    return render(request, "archive/page.html", context, status=status)


@login_required
@require_GET
def page(request: HttpRequest, ref: str) -> HttpResponse:
    return _page(request, _collab(request, ref))


@login_required
@require_POST
def upload(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    form = forms.UploadForm(request.POST, request.FILES, kind=str(collab.kind))
    if form.is_valid():
        try:
            doc = services.document_upload(
                actor=request.user,
                collaboration=collab,
                doc_type=form.cleaned_data["doc_type"],
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Uploaded as “%(name)s”.") % {"name": doc.name})
            return redirect("archive:page", collab.ref)
    return _page(request, collab, status=400, upload_form=form)


@login_required
@require_POST
def waive(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    form = forms.WaiveForm(request.POST, kind=str(collab.kind))
    if form.is_valid():
        try:
            services.archive_waive(
                actor=request.user,
                collaboration=collab,
                doc_type=form.cleaned_data["doc_type"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The document is waived."))
            return redirect("archive:page", collab.ref)
    return _page(request, collab, status=400, waive_form=form)


@login_required
@require_POST
def waiver_revoke(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    collab = _collab(request, ref)
    waiver = Waiver.objects.filter(collaboration=collab, pk=pk).first()
    if waiver is None:
        raise Http404
    try:
        services.archive_waiver_revoke(actor=request.user, waiver=waiver)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The waiver is revoked."))
    return redirect("archive:page", collab.ref)


@login_required
@require_POST
def build(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    try:
        services.bundle_request(actor=request.user, collaboration=collab)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The archive is being built."))
    return redirect("archive:page", collab.ref)


@login_required
@require_POST
def close(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    form = forms.CloseForm(request.POST)
    if form.is_valid():
        try:
            services.collaboration_close(
                actor=request.user, collaboration=collab, note=form.cleaned_data["note"]
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The collaboration is closed; its archive is being built."))
            return redirect("archive:page", collab.ref)
    return _page(request, collab, status=400, close_form=form)


def _bundle(collab: Collaboration, pk: int) -> ArchiveBundle:
    bundle = ArchiveBundle.objects.filter(collaboration=collab, pk=pk).first()
    if bundle is None:
        raise Http404
    return bundle


@login_required
@require_GET
def bundle_progress(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    """The progress bar alone (htmx polls it every 2 s while the bundle is being built)."""
    collab = _collab(request, ref)
    return render(
        request,
        "archive/partials/bundle.html",
        {"collab": collab, "bundle": _bundle(collab, pk)},
    )


@login_required
@require_GET
def bundle_download(request: HttpRequest, ref: str, pk: int) -> FileResponse:
    collab = _collab(request, ref)
    bundle = _bundle(collab, pk)
    if bundle.state != BundleState.READY or not bundle.file:
        raise Http404
    response = FileResponse(bundle.file.open("rb"), content_type="application/zip")
    response["Content-Disposition"] = content_disposition(bundle.name)
    return response


@login_required
@require_GET
def document(request: HttpRequest, ref: str, pk: int) -> FileResponse:
    collab = _collab(request, ref)
    doc = Document.objects.filter(collaboration=collab, pk=pk).first()
    if doc is None:
        raise Http404
    response = FileResponse(
        doc.file.open("rb"), content_type=doc.content_type or "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition(doc.name)
    return response


@login_required
@require_GET
def checklist_download(request: HttpRequest, ref: str, fmt: str) -> HttpResponse:
    collab = _collab(request, ref)
    if fmt not in FORMATS:
        raise Http404
    try:
        return download(checklist_doc(collab, request.user), fmt)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("archive:page", collab.ref)


@login_required
@require_GET
def form_download(request: HttpRequest, ref: str, key: str, fmt: str) -> HttpResponse:
    """One generated document of the checklist, in one of its formats."""
    collab = _collab(request, ref)
    try:
        spec = get_form(key)
    except DomainError:
        raise Http404 from None
    if not spec.applies_to(collab) or fmt not in spec.formats:
        raise Http404
    doc = spec.build(collab, request.user)
    if doc is None:
        raise Http404
    try:
        return download(doc, fmt)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("archive:page", collab.ref)
