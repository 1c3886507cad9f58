"""Reads of the archive: the checklist with what is present, missing or waived.

An item is present when the standard form registered for its type
(`FormSpec.archive_doc`) has content for this collaboration (its builder
returns a document), or when a document of that type was uploaded. Forms
are built to know whether they have content, so computing the checklist
costs what the builders cost; the collaboration page's side section uses
`summary()` instead, which runs a fixed number of queries.
"""

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from concord.activity.models import Event
from concord.collaborations.models import Collaboration
from concord.knowledge.forms import FormSpec, forms_for

from . import checklist
from .models import ArchiveBundle, Document, Waiver

logger = logging.getLogger(__name__)


@dataclass
class Item:
    doc_type: str
    label: str
    required: bool
    forms: list[FormSpec] = field(default_factory=list)
    # the forms that have content now
    generated: list[FormSpec] = field(default_factory=list)
    uploads: list[Document] = field(default_factory=list)
    waiver: Waiver | None = None

    @property
    def present(self) -> bool:
        if self.doc_type in checklist.GENERATED_ONLY:
            return bool(self.generated)
        return bool(self.generated or self.uploads)

    @property
    def waived(self) -> bool:
        return not self.present and self.waiver is not None

    @property
    def missing(self) -> bool:
        return self.required and not self.present and self.waiver is None

    @property
    def status(self) -> str:
        if self.present:
            return "present"
        if self.waiver is not None:
            return "waived"
        return "missing" if self.required else "absent"


@dataclass
class Checklist:
    collab: Collaboration
    items: list[Item]
    others: list[Document]
    waivers: list[Waiver]

    @property
    def missing(self) -> list[Item]:
        return [i for i in self.items if i.missing]

    @property
    def complete(self) -> bool:
        return not self.missing

    def item(self, doc_type: str) -> Item | None:
        return next((i for i in self.items if i.doc_type == doc_type), None)


def current_documents(collab: Collaboration) -> QuerySet[Document]:
    return Document.objects.filter(collaboration=collab, current=True).select_related(
        "uploaded_by__person", "collaboration"
    )


def document_history(collab: Collaboration) -> QuerySet[Document]:
    return Document.objects.filter(collaboration=collab).select_related(
        "uploaded_by__person", "collaboration"
    )


def active_waivers(collab: Collaboration) -> QuerySet[Waiver]:
    return Waiver.objects.filter(collaboration=collab, revoked_at__isnull=True).select_related(
        "waived_by__person"
    )


def has_content(spec: FormSpec, collab: Collaboration, user: Any) -> bool:
    """Return whether the form has content; a builder that breaks counts as absent (logged)."""
    try:
        return spec.build(collab, user) is not None
    except Exception:  # another app's builder must not break the archive page
        logger.exception("archive: form %s failed for collaboration %s", spec.key, collab.pk)
        return False


def checklist_of(collab: Collaboration, user: Any = None) -> Checklist:
    """Return the archive checklist of `collab`, every item with its sources."""
    entries = checklist.entries_for(str(collab.kind))
    specs = forms_for(collab)
    documents = list(current_documents(collab))
    waivers = list(active_waivers(collab))
    items: list[Item] = []
    for entry in entries:
        forms = [s for s in specs if s.archive_doc == entry.doc_type]
        items.append(
            Item(
                doc_type=entry.doc_type,
                label=checklist.type_label(entry.doc_type),
                required=entry.required,
                forms=forms,
                generated=[s for s in forms if has_content(s, collab, user)],
                uploads=[d for d in documents if d.doc_type == entry.doc_type],
                waiver=next((w for w in waivers if w.doc_type == entry.doc_type), None),
            )
        )
    known = {e.doc_type for e in entries}
    others = [d for d in documents if d.doc_type not in known]
    return Checklist(collab=collab, items=items, others=others, waivers=waivers)


def latest_bundle(collab: Collaboration) -> ArchiveBundle | None:
    return (
        ArchiveBundle.objects.filter(collaboration=collab)
        .select_related("requested_by__person")
        .first()
    )


def bundles_of(collab: Collaboration) -> QuerySet[ArchiveBundle]:
    return ArchiveBundle.objects.filter(collaboration=collab).select_related("requested_by__person")


@dataclass
class Summary:
    documents: int
    waivers: int
    bundle: ArchiveBundle | None


def summary(collab: Collaboration) -> Summary:
    """Two queries whatever the size: for the collaboration page's side section."""
    counts = Document.objects.filter(collaboration=collab).aggregate(
        documents=Count("pk", filter=Q(current=True))
    )
    waivers = Waiver.objects.filter(collaboration=collab, revoked_at__isnull=True).count()
    return Summary(
        documents=counts["documents"] or 0,
        waivers=waivers,
        bundle=ArchiveBundle.objects.filter(collaboration=collab).first(),
    )


def open_work(collab: Collaboration) -> dict[str, int]:
    """Return the open tasks and issues: closing warns about them (it does not refuse)."""
    from concord.issues.models import ACTIVE as ISSUE_OPEN
    from concord.issues.models import Issue
    from concord.tasks.models import OPEN, Task

    return {
        "tasks": Task.objects.filter(collaboration=collab, status__in=OPEN).count(),
        "issues": Issue.objects.filter(collaboration=collab, status__in=ISSUE_OPEN).count(),
    }


def archive_events(collab: Collaboration, limit: int = 30) -> list[Event]:
    """The archive's own trail: uploads, waivers, bundles and the closing, newest first.

    The collaboration page keeps the whole timeline; the archive page shows
    what happened to the archive, so its forms are not pushed below every
    task and plan event the collaboration ever had.
    """
    return list(
        Event.objects.for_scope(collab)
        .filter(Q(verb__startswith="archive_") | Q(verb="collaboration.closed"))
        .select_related("actor", "actor__person")[:limit]
    )
