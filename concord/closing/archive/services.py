"""Writes of the archive and the close of a collaboration (the write contract: one event each).

Locking order: the collaboration row, then the archive rows it owns.
Closing is `collaboration_close`: it checks the lifecycle table's "close"
row, who the actor is, and the archive gate (every required document
present or waived), then queues the final bundle in the same transaction.
Open tasks and issues do not block closing: the archive page and the
close form warn about them, and the event records how many there were.
"""

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations import lifecycle
from concord.collaborations.lifecycle import State
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of, stakeholders_of
from concord.knowledge.indexing import index_put, index_remove
from concord.knowledge.naming import clean, document_name
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify
from concord.timers.services import timer_schedule

from . import access, checklist, extract, kinds, selectors
from .bundle import BUILD_TIMER
from .models import ArchiveBundle, BundleState, Document, Waiver

User = Any

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def _lock(collab: Collaboration) -> Collaboration:
    locked = (
        Collaboration.objects.select_for_update(of=("self",))
        .select_related("initiator__person", "department")
        .filter(pk=collab.pk)
        .first()
    )
    if locked is None:
        raise not_found()
    return locked


def _name(user: User) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.name if person is not None else user.get_username()


def _collab_param(collab: Collaboration) -> str:
    return f"{collab.number} {collab.name}" if collab.number else collab.name


def document_snapshot(doc: Document) -> dict[str, Any]:
    return {
        "doc_type": doc.doc_type,
        "title": doc.title,
        "version": doc.version,
        "name": doc.name,
        "size": doc.size,
    }


# ---------------------------------------------------------------- uploads


@transaction.atomic
def document_upload(
    *,
    actor: User,
    collaboration: Collaboration,
    doc_type: str,
    file: UploadedFile,
    title: str = "",
) -> Document:
    """Upload an archive document, renamed 「项目名称-日期-类型」; a re-upload adds a version.

    `doc_type` is a checklist type of the collaboration's kind or "other";
    an "other" document needs a `title`, which becomes the 「类型」 part of
    its name (e.g. 沟通记录). Names use the checklist's Chinese wording: the
    archive is the organization's, whatever language the uploader reads.
    """
    collab = _lock(collaboration)
    access.require(access.may_upload(actor, collab))
    if doc_type not in checklist.upload_types(str(collab.kind)):
        raise DomainError(_("Choose a document type from the checklist."), field="doc_type")
    title = clean(title)[:100]
    if doc_type == checklist.OTHER:
        if not title:
            raise DomainError(_("Say what the document is."), field="title")
    else:
        title = checklist.type_label_zh(doc_type)
    size = file.size or 0
    if size == 0:
        raise DomainError(_("The file is empty."), field="file")
    if size > MAX_UPLOAD_BYTES:
        raise DomainError(
            _("The file is larger than %(limit)d MB.") % {"limit": MAX_UPLOAD_BYTES // 2**20},
            field="file",
        )
    original = (file.name or "file").replace("\\", "/").rsplit("/", 1)[-1][:200]
    ext = original.rsplit(".", 1)[-1].lower()[:10] if "." in original else ""
    previous = (
        Document.objects.select_for_update()
        .filter(collaboration=collab, doc_type=doc_type, title=title, current=True)
        .first()
    )
    version = 1
    if previous is not None:
        version = previous.version + 1
        previous.current = False
        previous.save(update_fields=["current"])
        index_remove(source=previous)
    doc = Document(
        collaboration=collab,
        doc_type=doc_type,
        title=title,
        version=version,
        name=document_name(collab.name, timezone.localdate(), title, ext)[:255],
        original_name=original,
        size=size,
        content_type=(getattr(file, "content_type", "") or "")[:100],
        uploaded_by=actor,
    )
    stored = f"{timezone.now():%Y%m%d%H%M%S%f}.{ext or 'bin'}"
    doc.file.save(stored, file, save=False)
    doc.save()
    event_record(
        actor=actor,
        verb="archive_document.uploaded",
        subject=doc,
        scope=collab,
        before=document_snapshot(previous) if previous is not None else None,
        after=document_snapshot(doc),
    )
    index_put(
        source=doc,
        collaboration=collab,
        kind="document",
        title=doc.name,
        body=extract.text_of(doc),
        url=doc.get_absolute_url(),
    )
    return doc


# ---------------------------------------------------------------- waivers


@transaction.atomic
def archive_waive(
    *, actor: User, collaboration: Collaboration, doc_type: str, reason: str
) -> Waiver:
    """Waive a required document of the checklist (the PMO, with a reason)."""
    collab = _lock(collaboration)
    access.require(access.may_waive(actor, collab))
    required = checklist.REQUIRED.get(str(collab.kind), ())
    if doc_type not in required:
        raise DomainError(_("Only a required document can be waived."), field="doc_type")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason for the waiver."), field="reason")
    if Waiver.objects.filter(collaboration=collab, doc_type=doc_type, revoked_at=None).exists():
        raise DomainError(_("This document is already waived."), code="conflict", field="doc_type")
    waiver = Waiver.objects.create(
        collaboration=collab, doc_type=doc_type, reason=reason[:2000], waived_by=actor
    )
    event = event_record(
        actor=actor,
        verb="archive_waiver.granted",
        subject=waiver,
        scope=collab,
        after={"doc_type": doc_type, "reason": waiver.reason},
        note=waiver.reason,
    )
    recipients = [u for u in (collab.initiator, lead_of(collab)) if u is not None]
    notify(
        recipients=[u for u in dict.fromkeys(recipients) if u.pk != actor.pk],
        kind=kinds.WAIVED,
        subject=waiver,
        params={
            "collaboration": _collab_param(collab),
            "document": checklist.type_label_zh(doc_type),
            "actor": _name(actor),
            "reason": waiver.reason,
        },
        url=waiver.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return waiver


@transaction.atomic
def archive_waiver_revoke(*, actor: User, waiver: Waiver) -> Waiver:
    """Take a waiver back (the PMO); the row stays, marked revoked."""
    collab = _lock(waiver.collaboration)
    row = Waiver.objects.select_for_update().filter(pk=waiver.pk, collaboration=collab).first()
    if row is None:
        raise not_found()
    access.require(access.may_waive(actor, collab))
    if row.revoked_at is not None:
        raise DomainError(_("This waiver was already revoked."), code="conflict")
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    event_record(
        actor=actor,
        verb="archive_waiver.revoked",
        subject=row,
        scope=collab,
        before={"doc_type": row.doc_type, "reason": row.reason},
    )
    return row


# ---------------------------------------------------------------- bundles


def _queue_bundle(collab: Collaboration, actor: User, *, final: bool) -> ArchiveBundle:
    bundle = ArchiveBundle.objects.create(
        collaboration=collab,
        final=final,
        requested_by=actor,
        language=translation.get_language() or "zh-hans",
    )
    timer_schedule(kind=BUILD_TIMER, subject=bundle, due_at=timezone.now())

    def wake() -> None:
        from concord.timers.runner import wake as wake_runner

        wake_runner()

    transaction.on_commit(wake)
    return bundle


@transaction.atomic
def bundle_request(*, actor: User, collaboration: Collaboration) -> ArchiveBundle:
    """Queue an archive bundle now ("build archive now"); one at a time per collaboration."""
    collab = _lock(collaboration)
    access.require(access.may_build(actor, collab))
    busy = ArchiveBundle.objects.filter(
        collaboration=collab, state__in=[BundleState.QUEUED, BundleState.BUILDING]
    ).exists()
    if busy:
        raise DomainError(_("An archive is being built already."), code="conflict")
    bundle = _queue_bundle(collab, actor, final=False)
    event_record(
        actor=actor,
        verb="archive_bundle.requested",
        subject=bundle,
        scope=collab,
        after={"state": bundle.state},
    )
    return bundle


# ---------------------------------------------------------------- closing


def missing_message(items: list[selectors.Item]) -> str:
    return _("These required documents are missing: %(names)s.") % {
        "names": _(", ").join(i.label for i in items)
    }


@transaction.atomic
def collaboration_close(
    *, actor: User, collaboration: Collaboration, note: str = ""
) -> Collaboration:
    """Close the collaboration (结项): the archive gate, then the final bundle in the background.

    Refuses (conflict, naming them) while a required document of the
    checklist is neither present nor waived. Notifies the stakeholders.
    """
    collab = _lock(collaboration)
    lifecycle.check(collab.state, "close")
    access.require(access.may_close(actor, collab))
    items = selectors.checklist_of(collab, actor)
    if not items.complete:
        raise DomainError(missing_message(items.missing), code="conflict", field="archive")
    open_work = selectors.open_work(collab)
    before = {"state": collab.state}
    collab.state = State.CLOSED
    collab.save(update_fields=["state", "updated_at"])
    bundle = _queue_bundle(collab, actor, final=True)
    event = event_record(
        actor=actor,
        verb="collaboration.closed",
        subject=collab,
        scope=collab,
        before=before,
        after={
            "state": collab.state,
            "bundle": bundle.pk,
            "waived": [w.doc_type for w in items.waivers],
            "open_tasks": open_work["tasks"],
            "open_issues": open_work["issues"],
        },
        note=(note or "").strip()[:2000],
    )
    notify(
        recipients=[u for u in stakeholders_of(collab) if u.pk != actor.pk],
        kind=kinds.CLOSED,
        subject=collab,
        params={"collaboration": _collab_param(collab), "actor": _name(actor)},
        url=collab.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return collab
