"""Timers: deadlines stored as rows, fired by the sweep (see sweep.py)."""

from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Timer(models.Model):
    """Something to do for a subject once `due_at` has passed.

    The row is the truth: the runner thread or a Celery worker only finds
    due pending rows and hands each to the handler registered for its kind.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        FIRED = "fired", _("Fired")
        CANCELLED = "cancelled", _("Cancelled")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("subject type")
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("subject_type", "subject_id")
    due_at = models.DateTimeField(_("due at"))
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PENDING
    )
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    fired_at = models.DateTimeField(_("fired at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("timer")
        verbose_name_plural = _("timers")
        ordering = ["due_at", "id"]
        indexes = [
            # Only pending rows are in this index, so the sweep reads the due
            # ones and never walks the (ever growing) fired history.
            models.Index(
                fields=["due_at"],
                condition=models.Q(state="pending"),
                name="timers_pending_due_idx",
            ),
            models.Index(fields=["subject_type", "subject_id"], name="timers_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.subject_id} @ {self.due_at:%Y-%m-%d %H:%M}"

    def subject_object(self) -> Any:
        """Return the subject, or None when it has been deleted."""
        model = self.subject_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.subject_id).first()
