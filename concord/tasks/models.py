"""Tasks of a collaboration's execution (执行与监控), their dependencies and progress.

A `Task` is created directly or from a WBS row of the effective plan
(`wbs_item`, with `wbs_key` — the row's key, stable across plan versions —
so building tasks from a later version does not duplicate them). A task tied
to a key deliverable (`needs_review`) is reviewed by the RACI Accountable
party before it counts as done. `ProgressUpdate` rows are the owners' daily
progress (每日进度同步). `TaskSettings` holds per-collaboration switches.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department
from concord.planning.models import Milestone, WbsItem


class Status(models.TextChoices):
    # Translators: 未开始
    NOT_STARTED = "not_started", _("Not started")
    # Translators: 进行中
    IN_PROGRESS = "in_progress", _("In progress")
    # Translators: 已完成
    DONE = "done", _("Done")
    # Translators: 阻塞
    BLOCKED = "blocked", _("Blocked")


#: Statuses of a task someone is working on: the ones owners are nudged about.
ACTIVE = frozenset({Status.IN_PROGRESS, Status.BLOCKED})
#: Statuses of a task that is not finished.
OPEN = frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.BLOCKED})


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    # Translators: 紧急
    URGENT = "urgent", _("Urgent")


class ReviewState(models.TextChoices):
    NONE = "none", _("No review")
    # Translators: 待评审
    REQUESTED = "requested", _("Review requested")
    APPROVED = "approved", _("Review approved")
    REJECTED = "rejected", _("Review rejected")


class Task(models.Model):
    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="tasks")
    # The N of T-00N; taken under a lock on the collaboration row.
    seq = models.PositiveIntegerField()
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    # Translators: 负责人
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="tasks_owned",
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    start_on = models.DateField(_("start date"), null=True, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    # Translators: 交付成果
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True)
    # Translators: 交付标准
    deliverable_standard = models.TextField(_("deliverable standard"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    blocked_reason = models.TextField(_("reason for blocking"), blank=True)
    blocked_by_task = models.ForeignKey(
        "self",
        verbose_name=_("blocked by task"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent task"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subtasks",
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MaxValueValidator(100)]
    )
    wbs_item = models.ForeignKey(
        WbsItem,
        verbose_name=_("WBS item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    wbs_key = models.UUIDField(null=True, blank=True, editable=False)
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Translators: 关键交付物 — done only after the RACI Accountable party's review
    needs_review = models.BooleanField(_("key deliverable, needs review"), default=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    review_state = models.CharField(
        _("review"), max_length=16, choices=ReviewState.choices, default=ReviewState.NONE
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    # What the task came from: a meeting's action item or an issue.
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    # Denormalized from ProgressUpdate so the board and the nudge need no join.
    last_progress_at = models.DateTimeField(_("last progress update"), null=True, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["collaboration", "status", "position", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "seq"], name="tasks_seq_once"),
            models.UniqueConstraint(
                fields=["collaboration", "wbs_key"],
                condition=Q(wbs_key__isnull=False),
                name="tasks_one_task_per_wbs_row",
            ),
            models.CheckConstraint(
                condition=~Q(status="blocked") | ~Q(blocked_reason=""),
                name="tasks_blocked_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(percent_done__lte=100), name="tasks_percent_at_most_100"
            ),
        ]
        indexes = [
            models.Index(fields=["collaboration", "status", "position"]),
            models.Index(fields=["owner", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("tasks:detail", args=[self.collaboration.ref, self.number])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class TaskDependency(models.Model):
    """`task` cannot start (or finish) before `depends_on` is done."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="dependencies")
    depends_on = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="dependents")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("task dependency")
        verbose_name_plural = _("task dependencies")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "depends_on"], name="tasks_dependency_once"),
            models.CheckConstraint(
                condition=~Q(task=models.F("depends_on")), name="tasks_dependency_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} → {self.depends_on_id}"


class ProgressUpdate(models.Model):
    """An owner's short progress note (每日进度同步)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("progress"))
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    # Translators: 阻塞问题 / 需要的协助
    blocker = models.TextField(_("blocker"), blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.task} · {self.created_at:%Y-%m-%d}"


class TaskSettings(models.Model):
    """Per-collaboration switches of the daily progress routine.

    `nudge_enabled` None means the default: on when the communication plan
    has a daily stand-up row.
    """

    collaboration = models.OneToOneField(
        Collaboration, on_delete=models.CASCADE, related_name="task_settings"
    )
    nudge_enabled = models.BooleanField(_("nudge owners without an update"), null=True)
    digest_enabled = models.BooleanField(_("daily digest to the lead"), default=True)

    class Meta:
        verbose_name = _("task settings")
        verbose_name_plural = _("task settings")

    def __str__(self) -> str:
        return str(self.collaboration)
