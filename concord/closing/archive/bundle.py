"""Building an archive bundle in steps, each step in its own timer firing.

A bundle is built by the `archive.build` timer in short steps so that its
progress (done/total) is committed and the page can show it:

1. plan: list every present document — each generated form in each of its
   formats, each current uploaded file — in the checklist's order;
2. render a few files per step (at most STEP, for about STEP_SECONDS) and
   keep them as parts under MEDIA;
3. assemble: one .zip with every part, `index.html` and `index.csv`
   (number, type, file name, source, date; then the waived items with
   their reasons), named 「名称-日期-归档资料包」.zip.

Each step schedules the next one due at once (at the firing timer's own
due time, so the same sweep picks it up). A step that raises marks the
bundle failed and tells who asked for it; it does not retry: an archive
is rebuilt on request.
"""

import csv
import io
import logging
import tempfile
import time
import zipfile
from datetime import datetime
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from concord.activity.services import event_record
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import FormSpec, forms_for, get_form, render
from concord.knowledge.indexing import index_put, index_remove
from concord.knowledge.naming import document_name
from concord.lib.errors import DomainError
from concord.notifications.services import notify
from concord.timers.services import timer_schedule

from . import checklist, kinds, selectors
from .models import ArchiveBundle, BundleState, Document

logger = logging.getLogger(__name__)

BUILD_TIMER = "archive.build"
#: Files rendered per step at most, and the time after which a step stops
#: early (at least one file each): a step runs inside the sweep's
#: transaction, which on SQLite holds the database's write lock.
STEP = 8
STEP_SECONDS = 1.0
#: Text kept per generated form for the final archive's search entry.
TEXT_MAX = 20_000


def _parts_dir(bundle: ArchiveBundle) -> str:
    return f"archive/{bundle.collaboration_id}/bundles/{bundle.pk}/parts"


def _collab_param(collab: Collaboration) -> str:
    return f"{collab.number} {collab.name}" if collab.number else collab.name


def bundle_name(collab: Collaboration) -> str:
    return document_name(
        collab.name, timezone.localdate(), checklist.pick(("归档资料包", "Archive")), "zip"
    )


# ---------------------------------------------------------------- plan


def _form_entries(spec: FormSpec, doc_type: str, label: str) -> list[dict[str, Any]]:
    return [
        {
            "source": "generated",
            "doc_type": doc_type,
            "label": label,
            "key": spec.key,
            "fmt": fmt,
        }
        for fmt in spec.formats
    ]


def _upload_entry(doc: Document, label: str) -> dict[str, Any]:
    return {
        "source": "uploaded",
        "doc_type": doc.doc_type,
        "label": label,
        "document": doc.pk,
        "date": f"{timezone.localtime(doc.uploaded_at):%Y-%m-%d}",
        "version": doc.version,
    }


def plan(bundle: ArchiveBundle) -> dict[str, Any]:
    """Return the manifest: the files to build and the waived items."""
    collab = bundle.collaboration
    found = selectors.checklist_of(collab, bundle.requested_by)
    files: list[dict[str, Any]] = []
    listed: set[str] = set()
    for item in found.items:
        for spec in item.generated:
            files += _form_entries(spec, item.doc_type, item.label)
            listed.add(spec.key)
        files += [_upload_entry(d, item.label) for d in item.uploads]
    # Forms that fill no checklist item (a self-check list, change notices, this
    # checklist itself) are part of the record too when they have content.
    for spec in forms_for(collab):
        if spec.key in listed or spec.archive_doc in {i.doc_type for i in found.items}:
            continue
        if selectors.has_content(spec, collab, bundle.requested_by):
            files += _form_entries(spec, spec.archive_doc or "", spec.title)
    files += [_upload_entry(d, d.title) for d in found.others]
    return {
        "files": files,
        "waived": [
            {
                "doc_type": w.doc_type,
                "label": checklist.type_label(w.doc_type),
                "reason": w.reason,
                "by": getattr(getattr(w.waived_by, "person", None), "name", "")
                or w.waived_by.get_username(),
                "date": f"{timezone.localtime(w.waived_at):%Y-%m-%d}",
            }
            for w in found.waivers
        ],
        "missing": [i.label for i in found.missing],
    }


# ---------------------------------------------------------------- render


def _render_entry(bundle: ArchiveBundle, entry: dict[str, Any], number: int) -> None:
    collab = bundle.collaboration
    if entry["source"] == "generated":
        spec = get_form(entry["key"])
        doc = spec.build(collab, bundle.requested_by)
        if doc is None:
            raise DomainError(checklist.word("failed"))
        data = render(doc, entry["fmt"])
        entry["file"] = doc.filename(entry["fmt"])
        if bundle.final and entry["fmt"] == spec.formats[0]:
            entry["text"] = doc.text()[:TEXT_MAX]  # once per form, for the search index
        entry["date"] = f"{doc.day:%Y-%m-%d}"
    else:
        upload = Document.objects.filter(pk=entry["document"], collaboration=collab).first()
        if upload is None:
            raise DomainError(checklist.word("failed"))
        with upload.file.open("rb") as handle:
            data = handle.read()
        entry["file"] = upload.name
    entry["part"] = default_storage.save(
        f"{_parts_dir(bundle)}/{number:04d}.bin", ContentFile(data)
    )
    entry["size"] = len(data)


def _render_some(bundle: ArchiveBundle) -> None:
    files = bundle.manifest["files"]
    started = time.monotonic()
    for number in range(bundle.done, min(bundle.done + STEP, bundle.total)):
        if number > bundle.done and time.monotonic() - started > STEP_SECONDS:
            break
        entry = files[number]
        try:
            with transaction.atomic():
                _render_entry(bundle, entry, number)
        except DomainError as exc:
            # One form that cannot be rendered (e.g. PDF without Pango) is
            # noted in the index; the rest of the archive is still built.
            entry["error"] = str(exc.message)
        bundle.done = number + 1


# ---------------------------------------------------------------- assemble


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        stem, dot, ext = name.rpartition(".")
        candidate = f"{stem} ({n}).{ext}" if dot else f"{name} ({n})"
    used.add(candidate.lower())
    return candidate


def _source_label(source: str) -> str:
    return checklist.word("generated" if source == "generated" else "uploaded")


def index_rows(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for number, entry in enumerate(
        (e for e in manifest["files"] if e.get("file") and not e.get("error")), start=1
    ):
        rows.append(
            {
                "number": number,
                "label": entry["label"],
                "file": entry["file"],
                "source": _source_label(entry["source"]),
                "date": entry.get("date", ""),
            }
        )
    return rows


def index_csv(collab: Collaboration, manifest: dict[str, Any]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    w = checklist.word
    writer.writerow([w("no"), w("document"), w("file"), w("source"), w("date")])
    for row in index_rows(manifest):
        writer.writerow([row["number"], row["label"], row["file"], row["source"], row["date"]])
    failed = [e for e in manifest["files"] if e.get("error")]
    for entry in failed:
        writer.writerow(["", entry["label"], entry.get("fmt", ""), w("failed"), entry["error"]])
    if manifest["waived"]:
        writer.writerow([])
        writer.writerow([w("waivers"), w("document"), w("reason"), w("by"), w("date")])
        for waiver in manifest["waived"]:
            writer.writerow(["", waiver["label"], waiver["reason"], waiver["by"], waiver["date"]])
    # With a BOM, so that Excel opens the Chinese text as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def index_html(collab: Collaboration, manifest: dict[str, Any], built_at: datetime) -> bytes:
    html = render_to_string(
        "archive/bundle_index.html",
        {
            "collab": collab,
            "rows": index_rows(manifest),
            "failed": [e for e in manifest["files"] if e.get("error")],
            "waived": manifest["waived"],
            "missing": manifest.get("missing", []),
            "built_at": built_at,
            "w": {key: checklist.word(key) for key in checklist.WORDING},
            "kind": checklist.pick(
                {
                    "project": ("跨部门项目", "Cross-department project"),
                    "problem": ("问题解决", "Problem solving"),
                    "coordination": ("沟通协调", "Coordination"),
                }.get(str(collab.kind), ("", ""))
            ),
        },
    )
    return html.encode("utf-8")


def _assemble(bundle: ArchiveBundle) -> None:
    collab = bundle.collaboration
    manifest = bundle.manifest
    used: set[str] = {"index.html", "index.csv"}
    built_at = timezone.now()
    with tempfile.SpooledTemporaryFile(max_size=32 * 2**20) as spool:
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for entry in manifest["files"]:
                if entry.get("error") or not entry.get("part"):
                    continue
                entry["file"] = _unique(entry["file"], used)
                with default_storage.open(entry["part"], "rb") as part:
                    archive.writestr(entry["file"], part.read())
            archive.writestr("index.html", index_html(collab, manifest, built_at))
            archive.writestr("index.csv", index_csv(collab, manifest))
        spool.seek(0)
        name = bundle_name(collab)
        bundle.name = name
        bundle.file.save(f"{bundle.pk}-{timezone.now():%Y%m%d%H%M%S}.zip", File(spool), save=False)
    bundle.size = bundle.file.size
    if bundle.final:
        _index(bundle, built_at)
    for entry in manifest["files"]:
        if entry.get("part"):
            default_storage.delete(entry.pop("part"))
    bundle.state = BundleState.READY
    bundle.finished_at = built_at


def _index(bundle: ArchiveBundle, built_at: datetime) -> None:
    """Put the final archive's generated forms in the knowledge base (the guides: 归档
    ... 同步至共享知识库); uploads are indexed one by one as they arrive.

    One entry per final archive, replacing an earlier one of the collaboration.
    """
    collab = bundle.collaboration
    texts = [entry.pop("text") for entry in bundle.manifest["files"] if entry.get("text")]
    for older in ArchiveBundle.objects.filter(collaboration=collab, final=True).exclude(
        pk=bundle.pk
    ):
        index_remove(source=older)
    index_put(
        source=bundle,
        collaboration=collab,
        kind="document",
        title=bundle.name,
        body="\n\n".join(texts),
        url=bundle.get_absolute_url(),
        when=built_at,
    )


# ---------------------------------------------------------------- the step


def _announce(bundle: ArchiveBundle, verb: str, kind: str, params: dict[str, Any]) -> None:
    collab = bundle.collaboration
    event = event_record(
        actor=None,
        verb=verb,
        subject=bundle,
        scope=collab,
        after={"state": bundle.state, "files": bundle.total, "error": bundle.error},
    )
    notify(
        recipients=[bundle.requested_by],
        kind=kind,
        subject=bundle,
        params={"collaboration": _collab_param(collab), **params},
        url=bundle.get_absolute_url(),
        event=event,
    )


def _fail(bundle: ArchiveBundle, exc: Exception) -> None:
    logger.exception("archive: bundle %s failed", bundle.pk)
    bundle.state = BundleState.FAILED
    bundle.error = (str(getattr(exc, "message", "")) or repr(exc))[:2000]
    bundle.finished_at = timezone.now()
    bundle.save(update_fields=["state", "error", "finished_at"])
    _announce(bundle, "archive_bundle.failed", kinds.BUNDLE_FAILED, {"error": bundle.error})


def bundle_step(bundle_id: int, *, due_at: datetime) -> None:
    """Do the next step of a bundle's build; call inside a transaction (the timer's)."""
    bundle = (
        ArchiveBundle.objects.select_for_update(of=("self",))
        .select_related("collaboration", "requested_by__person")
        .filter(pk=bundle_id)
        .first()
    )
    if bundle is None or bundle.state not in (BundleState.QUEUED, BundleState.BUILDING):
        return  # moot: built, failed or gone
    with translation.override(bundle.language):
        try:
            with transaction.atomic():
                if bundle.state == BundleState.QUEUED:
                    bundle.manifest = plan(bundle)
                    bundle.total = len(bundle.manifest["files"])
                    bundle.done = 0
                    bundle.state = BundleState.BUILDING
                elif bundle.done < bundle.total:
                    _render_some(bundle)
                else:
                    _assemble(bundle)
                bundle.save()
        except Exception as exc:
            bundle.refresh_from_db()
            _fail(bundle, exc)
            return
        if bundle.state == BundleState.READY:
            _announce(
                bundle,
                "archive_bundle.built",
                kinds.BUNDLE_READY,
                {"name": bundle.name, "count": bundle.total},
            )
            return
    timer_schedule(kind=BUILD_TIMER, subject=bundle, due_at=min(due_at, timezone.now()))
