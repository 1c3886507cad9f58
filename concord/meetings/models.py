"""Meetings of a collaboration (会议): agenda, materials, minutes, decisions and action items.

A `Meeting` is one sitting: its kind, time, place or link, host (主持人),
note-taker (记录人), an optional decision maker, its `Attendee` rows (each
with the department they speak for and their role), its `AgendaItem` rows
(the guides' order 背景介绍 → 需求阐述 → 议题讨论 → 共识确认 → 待办明确,
each with a presenter and a time box) and its `Material` files.

The minutes (《会议纪要》) live on the meeting: key points per agenda item,
`Decision` rows (decisions and 共识事项), the disagreements, and
`ActionItem` rows (待办事项) that become tasks when the minutes are
published (the task is kept on the item, so publishing again does not add a
second one). Attendees confirm or object on their `Attendee` row.

A `Series` is a recurring meeting made from a communication plan row
(an RFC 5545 RRULE); its occurrences are meetings with `series` and
`series_start` (the occurrence's original start), unique together, so
extending the series is idempotent. Changing a series "from this occurrence
on" ends the old series (UNTIL) and starts a new one.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class Kind(models.TextChoices):
    # Translators: 启动会
    KICKOFF = "kickoff", _("Kickoff meeting")
    # Translators: 每日站会
    STANDUP = "standup", _("Daily stand-up")
    # Translators: 周例会
    WEEKLY = "weekly", _("Weekly meeting")
    # Translators: 里程碑复盘会
    MILESTONE_REVIEW = "milestone_review", _("Milestone review")
    # Translators: 问题升级会
    ESCALATION = "escalation", _("Escalation meeting")
    # Translators: 沟通协调会
    COORDINATION = "coordination", _("Coordination meeting")
    # Translators: 复盘会/总结会
    RETROSPECTIVE = "retrospective", _("Retrospective")
    # Translators: 临时会议
    ADHOC = "adhoc", _("Ad hoc meeting")


class Status(models.TextChoices):
    # Translators: 已安排
    SCHEDULED = "scheduled", _("Scheduled")
    # Translators: 纪要已发布
    PUBLISHED = "published", _("Minutes published")
    # Translators: 已取消
    CANCELLED = "cancelled", _("Cancelled")


class Series(models.Model):
    """A recurring meeting, made from a communication plan row's RRULE."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="meeting_series"
    )
    comm_item = models.ForeignKey(
        "communication.CommItem",
        verbose_name=_("communication plan row"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    rrule = models.CharField(_("recurrence rule"), max_length=500)
    dtstart = models.DateTimeField(_("first occurrence"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("planned length (minutes)"))
    place = models.CharField(_("place or link"), max_length=300, blank=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("host"), on_delete=models.PROTECT, related_name="+"
    )
    note_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("note-taker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attendees"), blank=True, related_name="+"
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("split from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["dtstart", "id"]

    def __str__(self) -> str:
        return self.title


class Meeting(models.Model):
    Kind = Kind
    Status = Status

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveIntegerField(_("planned length (minutes)"))
    # Translators: 地点或会议链接
    place = models.CharField(_("place or link"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Translators: 主持人
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("host"), on_delete=models.PROTECT, related_name="+"
    )
    # Translators: 记录人
    note_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("note-taker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Translators: 决策人
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decision maker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    # What asked for the meeting (e.g. the issue of an escalation meeting).
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    # The occurrence's start as the rule made it (stable when the meeting is moved).
    series_start = models.DateTimeField(null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    scheduled_at = models.DateTimeField(_("scheduled at"), auto_now_add=True)
    # Translators: 材料已发送
    materials_sent_at = models.DateTimeField(_("materials sent at"), null=True, blank=True)
    # Minutes (《会议纪要》)
    # Translators: 分歧
    disagreements = models.TextField(_("disagreements"), blank=True)
    minutes_due_at = models.DateTimeField(_("minutes due"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)
    minutes_revision = models.PositiveIntegerField(_("minutes revision"), default=0)
    confirm_by = models.DateTimeField(_("confirm by"), null=True, blank=True)
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)
    # The .ics SEQUENCE: grows when the time, place or status changes.
    sequence = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "series_start"],
                condition=Q(series__isnull=False),
                name="meetings_one_per_occurrence",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="meetings_positive_length"
            ),
        ]
        indexes = [models.Index(fields=["collaboration", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.collaboration.ref, self.pk])

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class Attendee(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=100, blank=True)
    # Translators: 已确认纪要
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_revision = models.PositiveIntegerField(default=0)
    # Translators: 异议
    objection = models.TextField(_("objection"), blank=True)
    objected_at = models.DateTimeField(_("objected at"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="meetings_attend_once")
        ]

    def __str__(self) -> str:
        return str(self.user)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("item"), max_length=300)
    # Translators: 汇报人
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Translators: 时长(分钟)
    minutes = models.PositiveIntegerField(_("time box (minutes)"), default=10)
    # Translators: 讨论要点
    key_points = models.TextField(_("key points"), blank=True)
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


def _material_path(instance: "Material", filename: str) -> str:
    return f"meetings/{instance.meeting_id}/{filename}"


class Material(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    file = models.FileField(_("file"), upload_to=_material_path, max_length=255)
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class DecisionKind(models.TextChoices):
    # Translators: 决议
    DECISION = "decision", pgettext_lazy("meeting decision", "Decision")
    # Translators: 共识事项
    CONSENSUS = "consensus", _("Consensus")


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="meeting_decisions"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=DecisionKind.choices, default=DecisionKind.DECISION
    )
    text = models.TextField(_("decision"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["id"]
        indexes = [models.Index(fields=["collaboration", "id"])]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#decision-{self.pk}"


class ActionItem(models.Model):
    """A 待办事项 of the minutes; becomes a task on publication (once)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="meeting_action_items"
    )
    description = models.CharField(_("description"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due date"))
    # Translators: 交付成果
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True)
    task = models.OneToOneField(
        "tasks.Task",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#action-{self.pk}"
