"""The event trail: an append-only record of every state change."""

from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove a recorded event."""


class EventQuerySet(models.QuerySet["Event"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("events are append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("events are append-only")

    def for_subject(self, subject: models.Model) -> "EventQuerySet":
        ct = ContentType.objects.get_for_model(subject)
        return self.filter(subject_type=ct, subject_id=subject.pk)

    def for_scope(self, scope: models.Model) -> "EventQuerySet":
        """Events of an object and of everything recorded under it (its timeline)."""
        ct = ContentType.objects.get_for_model(scope)
        return self.filter(
            models.Q(subject_type=ct, subject_id=scope.pk)
            | models.Q(scope_type=ct, scope_id=scope.pk)
        )


class Event(models.Model):
    """Who did what to which object, when, with the values before and after.

    Rows are only ever inserted: the model, its queryset, the admin and the
    database itself (triggers, see migration 0002) refuse updates and
    deletes.
    """

    occurred_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the system acted on its own (a timer)."),
    )
    verb = models.CharField(_("verb"), max_length=64, db_index=True)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("subject type")
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_repr = models.CharField(_("subject"), max_length=255)
    # The larger object whose timeline this event also belongs on (a
    # collaboration for a task's event, say). Empty when the subject is
    # itself the top of its own timeline.
    scope_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    scope_id = models.PositiveBigIntegerField(null=True, blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "-occurred_at"]),
            models.Index(fields=["scope_type", "scope_id", "-occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.verb} {self.subject_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AppendOnlyError("events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("events are append-only")

    @property
    def changes(self) -> list[tuple[str, Any, Any]]:
        """Return (field, before, after) for every field that differs."""
        keys = sorted(set(self.before) | set(self.after))
        return [
            (k, self.before.get(k), self.after.get(k))
            for k in keys
            if self.before.get(k) != self.after.get(k)
        ]
