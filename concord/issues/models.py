"""The issue log (《问题跟踪表》/《问题处理记录表》) and its three-level escalation.

An `Issue` belongs to a collaboration and is numbered within it (`WT-01`,
WT = 问题). It sits at one escalation level (1, 2 or 3) with a handler
responsible for that level and a resolution deadline (`due_at`) computed
from the level's time limit on the collaboration's escalation path (the
communication plan, else the organization's defaults). Each stint at a
level is an `IssueLevelPeriod` row: when it started, its deadline, when it
ended and how (met, missed, escalated, de-escalated), so the issue page can
draw the escalation history and the summary can count met and missed
deadlines. `IssueUpdate` rows are the daily status updates.

`version` is bumped whenever the deadline clock restarts (raise, escalate,
de-escalate, re-date, reopen); the pending escalation timer carries the
version it was armed for, so a stale timer does nothing.
"""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class Status(models.TextChoices):
    # Translators: 待处理 (an issue's status, not the verb)
    OPEN = "open", pgettext_lazy("issue status", "Open")
    # Translators: 处理中
    IN_PROGRESS = "in_progress", _("In progress")
    # Translators: 已升级
    ESCALATED = "escalated", _("Escalated")
    # Translators: 已解决
    RESOLVED = "resolved", _("Resolved")
    # Translators: 已关闭
    CLOSED = "closed", _("Closed")


#: Statuses of an issue whose clock is running.
ACTIVE = frozenset({Status.OPEN, Status.IN_PROGRESS, Status.ESCALATED})
DONE = frozenset({Status.RESOLVED, Status.CLOSED})


class Level(models.IntegerChoices):
    # Translators: 一级(当事人自行协调)
    ONE = 1, _("Level 1 — the parties")
    # Translators: 二级(项目负责人协调)
    TWO = 2, _("Level 2 — project lead")
    # Translators: 三级(发起人/副总决策)
    THREE = 3, _("Level 3 — sponsor / VP")


class Issue(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="issues"
    )
    seq = models.PositiveIntegerField()
    # WT-01, WT-02 … within the collaboration.
    number = models.CharField(_("number"), max_length=20)
    # Translators: 问题描述
    title = models.CharField(_("issue"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Translators: 现象
    phenomenon = models.TextField(_("phenomenon"), blank=True)
    # Translators: 本质(根本原因)
    root_cause = models.TextField(_("root cause"), blank=True)
    # Translators: 影响范围 — 业务
    impact_business = models.TextField(_("impact on the business"), blank=True)
    # Translators: 影响范围 — 客户
    impact_customers = models.TextField(_("impact on customers"), blank=True)
    # Translators: 影响范围 — 团队
    impact_teams = models.TextField(_("impact on teams"), blank=True)
    departments = models.ManyToManyField(
        Department, verbose_name=_("departments involved"), blank=True, related_name="+"
    )
    # Translators: 责任人
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="issues_owned",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("raised by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=Level.ONE)
    # Who is responsible at the current level (level 1: the owner unless a handler is named).
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        on_delete=models.PROTECT,
        related_name="issues_handled",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    level_started_at = models.DateTimeField(_("level started at"))
    # Translators: 解决时限
    due_at = models.DateTimeField(_("resolution deadline"), db_index=True)
    version = models.PositiveIntegerField(default=1)
    # Level 3 past its limit: flagged to the PMO (it cannot escalate further).
    pmo_flagged_at = models.DateTimeField(_("flagged to the PMO at"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    # Translators: 确认人
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Where it was raised from: a task, a meeting … (empty: on its own).
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    created_at = models.DateTimeField(_("raised at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "number"], name="issues_number_once"),
            models.UniqueConstraint(fields=["collaboration", "seq"], name="issues_seq_once"),
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=3), name="issues_level_1_to_3"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="issues_status_known"
            ),
        ]
        indexes = [models.Index(fields=["source_type", "source_id"], name="issues_source_idx")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("issues:detail", args=[self.collaboration.ref, self.number])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    def is_overdue(self, now: Any = None) -> bool:
        return self.is_active and self.due_at < (now or timezone.now())


class Outcome(models.TextChoices):
    # Translators: 进行中
    RUNNING = "running", _("Running")
    # Translators: 按时解决
    MET = "met", pgettext_lazy("issue deadline", "Met")
    # Translators: 超时
    MISSED = "missed", _("Missed")
    ESCALATED = "escalated", _("Escalated early")
    DEESCALATED = "deescalated", _("De-escalated")
    REDATED = "redated", _("Re-dated")


class IssueLevelPeriod(models.Model):
    """One stint of an issue at one level: the escalation history."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="periods")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handler"), on_delete=models.PROTECT
    )
    started_at = models.DateTimeField(_("started at"))
    due_at = models.DateTimeField(_("deadline"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.RUNNING
    )
    # Why this stint started (e.g. 超时自动升级, or the escalator's reason).
    reason = models.TextField(_("reason"), blank=True)
    automatic = models.BooleanField(_("automatic"), default=False)

    class Meta:
        verbose_name = _("level period")
        verbose_name_plural = _("level periods")
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"{self.issue.number} L{self.level}"

    def met_at(self, now: Any = None) -> bool | None:
        """True met, False missed, None neither (running in time, or ended early otherwise).

        Only a resolution meets a deadline: a stint that ended in time by an
        escalation, a de-escalation or a new deadline did not resolve
        anything, so it is neither met nor missed; one that ended after its
        deadline, however it ended, missed it.
        """
        if self.outcome == Outcome.MET:
            return True
        if self.outcome == Outcome.MISSED:
            return False
        end = self.ended_at or now or timezone.now()
        return False if end > self.due_at else None

    @property
    def met(self) -> bool | None:
        return self.met_at()


class IssueUpdate(models.Model):
    """A daily status update (每日同步更新状态)."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    body = models.TextField(_("update"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.issue.number} {self.created_at:%Y-%m-%d}"


def issue_snapshot(issue: Issue) -> dict[str, Any]:
    return {
        "number": issue.number,
        "title": issue.title,
        "level": issue.level,
        "status": issue.status,
        "owner": issue.owner_id,
        "handler": issue.handler_id,
        "due_at": issue.due_at,
        "version": issue.version,
    }
