"""The archive of a collaboration (归档): uploaded documents, waivers and bundles.

Which documents a collaboration needs is declared in `checklist.py`; a
document is present when the standard form registered for its type has
content, or when one of that type was uploaded (`Document`). The PMO may
waive a required one with a reason (`Waiver`). Closing (and "build now")
makes an `ArchiveBundle`: one .zip with every present document and an
index, built in the background by the `archive.build` timer.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.collaborations.models import Collaboration

from .checklist import type_label


def _document_path(instance: "Document", filename: str) -> str:
    # The stored name is generated; the convention name is kept in `name`.
    return f"archive/{instance.collaboration_id}/documents/{filename}"


def _bundle_path(instance: "ArchiveBundle", filename: str) -> str:
    return f"archive/{instance.collaboration_id}/bundles/{filename}"


class Document(models.Model):
    """An uploaded archive document, renamed to 「名称-日期-类型」; re-uploads add versions."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="archive_documents"
    )
    # A checklist document type (checklist.DOC_TYPES) or "other".
    doc_type = models.CharField(_("document type"), max_length=32)
    # The type part of the name: the checklist type's wording, or what the
    # uploader called an "other" document (e.g. 沟通记录).
    title = models.CharField(_("title"), max_length=100)
    version = models.PositiveIntegerField(_("version"), default=1)
    current = models.BooleanField(_("current version"), default=True)
    name = models.CharField(_("file name"), max_length=255)
    original_name = models.CharField(_("original file name"), max_length=255)
    file = models.FileField(_("file"), upload_to=_document_path, max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("archive document")
        verbose_name_plural = _("archive documents")
        ordering = ["doc_type", "title", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "doc_type", "title", "version"],
                name="archive_document_version_unique",
            ),
            models.UniqueConstraint(
                fields=["collaboration", "doc_type", "title"],
                condition=Q(current=True),
                name="archive_document_one_current",
            ),
        ]
        indexes = [models.Index(fields=["collaboration", "current"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("archive:document", args=[self.collaboration.ref, self.pk])


class Waiver(models.Model):
    """The PMO's waiver of a required document, with the reason; revoking keeps the row."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="archive_waivers"
    )
    doc_type = models.CharField(_("document type"), max_length=32)
    reason = models.TextField(_("reason"))
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    waived_at = models.DateTimeField(_("waived at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("archive waiver")
        verbose_name_plural = _("archive waivers")
        ordering = ["waived_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "doc_type"],
                condition=Q(revoked_at__isnull=True),
                name="archive_waiver_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{type_label(self.doc_type)}: {self.reason[:40]}"

    def get_absolute_url(self) -> str:
        return reverse("archive:page", args=[self.collaboration.ref])


class BundleState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    BUILDING = "building", _("Building")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ArchiveBundle(models.Model):
    """One archive .zip of a collaboration, built in the background in steps."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="archive_bundles"
    )
    state = models.CharField(
        _("state"), max_length=16, choices=BundleState.choices, default=BundleState.QUEUED
    )
    # True when closing made it (the final archive), False for "build now".
    final = models.BooleanField(_("final archive"), default=False)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    # The plan of the build: one entry per file (and its outcome once built).
    manifest = models.JSONField(default=dict, blank=True)
    name = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to=_bundle_path, max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    error = models.TextField(_("error"), blank=True)
    language = models.CharField(max_length=10, default="zh-hans")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("archive bundle")
        verbose_name_plural = _("archive bundles")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=BundleState.values), name="archive_bundle_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(done__lte=models.F("total")) | Q(total=0),
                name="archive_bundle_done_le_total",
            ),
        ]

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("archive:page", args=[self.collaboration.ref])

    @property
    def percent(self) -> int:
        if self.state == BundleState.READY:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def in_progress(self) -> bool:
        return self.state in (BundleState.QUEUED, BundleState.BUILDING)
