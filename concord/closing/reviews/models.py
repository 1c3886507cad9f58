"""Milestone reviews (里程碑复盘), retrospectives (项目总结复盘 / 沟通协调复盘),
their improvement measures and the proposals to change the organization's
collaboration rules.

A `MilestoneReview` exists once per milestone of a collaboration (matched by
the plan row's cross-version `key`, so a new plan version does not ask for a
second review). It is created when the milestone is reached or its date
passes (state "due"), filled in by the lead, the initiator or the PMO (the
team adds deviations), and published as the 《复盘报告》: 成果总结 –
问题清单 (the deviations) – 改进措施 (the measures).

A `Retrospective` is the collaboration's closing review: what worked
(有效做法), what to improve (待改进点) — both `RetroPoint` rows anyone on the
team may add — improvement measures and rule `Proposal`s.

A `Measure` belongs to a review or a retrospective. While the collaboration
is under way it becomes a task (`Measure.task`, exactly once); once it is
closing (or closed), a measure is tracked on the measure itself (open / done).
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class ReviewState(models.TextChoices):
    # Translators: 待复盘 (a review not published yet; not 截止日期)
    DUE = "due", pgettext_lazy("review state", "Due")
    # Translators: 已发布
    PUBLISHED = "published", _("Published")


class Trigger(models.TextChoices):
    # Translators: 里程碑日期已过
    DATE_PASSED = "date_passed", _("The milestone's date passed")
    # Translators: 里程碑已达成
    REACHED = "reached", _("The milestone was reached")
    MANUAL = "manual", _("Started by hand")


class Cause(models.TextChoices):
    # Translators: 需求变更
    REQUIREMENT_CHANGE = "requirement_change", _("Requirement change")
    # Translators: 资源不足
    RESOURCE_SHORTAGE = "resource_shortage", _("Resource shortage")
    # Translators: 流程缺陷
    PROCESS_GAP = "process_gap", _("Process gap")
    # Translators: 依赖延误
    DEPENDENCY = "dependency", _("Dependency delay")
    # Translators: 其他
    OTHER = "other", _("Other")


class MilestoneReview(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="milestone_reviews"
    )
    milestone = models.ForeignKey(
        "planning.Milestone",
        verbose_name=_("milestone"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    milestone_key = models.UUIDField(editable=False)
    milestone_name = models.CharField(_("milestone"), max_length=200)
    planned_on = models.DateField(_("planned date"))
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True)
    trigger = models.CharField(_("why due"), max_length=16, choices=Trigger.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.DUE
    )
    # Translators: 成果总结
    summary = models.TextField(_("summary of results"), blank=True)
    budget_planned = models.DecimalField(
        _("planned budget (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_actual = models.DecimalField(
        _("actual spending (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # Plan vs actual rows, frozen at publication (live while due).
    comparison = models.JSONField(default=list, blank=True)
    reminders_sent = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("due since"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("milestone review")
        verbose_name_plural = _("milestone reviews")
        ordering = ["planned_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "milestone_key"], name="reviews_one_per_milestone"
            ),
            models.CheckConstraint(
                condition=Q(budget_actual__isnull=True) | Q(budget_actual__gte=0),
                name="reviews_budget_actual_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Review of %(name)s") % {"name": self.milestone_name})

    def get_absolute_url(self) -> str:
        return reverse("reviews:review", args=[self.collaboration.ref, self.pk])

    @property
    def budget_variance(self) -> Decimal | None:
        if self.budget_planned is None or self.budget_actual is None:
            return None
        return self.budget_actual - self.budget_planned


class Deviation(models.Model):
    """One row of the 问题清单: what deviated from the plan and why."""

    review = models.ForeignKey(MilestoneReview, on_delete=models.CASCADE, related_name="deviations")
    item = models.CharField(_("item"), max_length=300, blank=True)
    cause = models.CharField(_("cause"), max_length=24, choices=Cause.choices)
    description = models.TextField(_("description"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deviation")
        verbose_name_plural = _("deviations")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:80]


class RetroKind(models.TextChoices):
    # Translators: 项目总结复盘
    PROJECT = "project", _("Project retrospective")
    # Translators: 沟通协调复盘
    COMMUNICATION = "communication", _("Communication retrospective")


class Retrospective(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="retrospectives"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=RetroKind.choices, default=RetroKind.PROJECT
    )
    summary = models.TextField(_("summary"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.DUE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("retrospective")
        verbose_name_plural = _("retrospectives")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "kind"], name="reviews_retro_once")
        ]

    def __str__(self) -> str:
        return str(RetroKind(self.kind).label)

    def get_absolute_url(self) -> str:
        return reverse("reviews:retro", args=[self.collaboration.ref, self.kind])


class PointKind(models.TextChoices):
    # Translators: 有效做法
    WORKED = "worked", _("What worked")
    # Translators: 待改进点
    IMPROVE = "improve", _("What to improve")


class RetroPoint(models.Model):
    retrospective = models.ForeignKey(
        Retrospective, on_delete=models.CASCADE, related_name="points"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PointKind.choices)
    text = models.TextField(_("text"))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("retrospective point")
        verbose_name_plural = _("retrospective points")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:80]


class MeasureState(models.TextChoices):
    # Translators: 进行中 (an improvement action not done yet)
    OPEN = "open", pgettext_lazy("improvement measure", "Open")
    DONE = "done", _("Done")


class Measure(models.Model):
    """An improvement measure (改进措施) with its owner and date."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(
        MilestoneReview, on_delete=models.CASCADE, null=True, blank=True, related_name="measures"
    )
    retrospective = models.ForeignKey(
        Retrospective, on_delete=models.CASCADE, null=True, blank=True, related_name="measures"
    )
    text = models.TextField(_("measure"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due date"))
    task = models.OneToOneField(
        "tasks.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=8, choices=MeasureState.choices, default=MeasureState.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("improvement measure")
        verbose_name_plural = _("improvement measures")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=True) ^ Q(retrospective__isnull=True),
                name="reviews_measure_one_parent",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        parent: Any = self.review or self.retrospective
        return f"{parent.get_absolute_url()}#measure-{self.pk}"

    @property
    def status_label(self) -> str:
        if self.task_id is not None and self.task is not None:
            return str(self.task.get_status_display())
        return str(MeasureState(self.state).label)


class ProposalState(models.TextChoices):
    # Translators: 待决定 (a rule proposal the PMO has not decided)
    OPEN = "open", pgettext_lazy("rule proposal", "Open")
    # Translators: 已采纳
    ADOPTED = "adopted", _("Adopted")
    # Translators: 未采纳
    DECLINED = "declined", _("Declined")


class Proposal(models.Model):
    """A proposal to change the organization's collaboration rules (协作规范修订建议)."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="rule_proposals"
    )
    retrospective = models.ForeignKey(
        Retrospective, on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    text = models.TextField(_("proposal"))
    rationale = models.TextField(_("why"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=ProposalState.choices,
        default=ProposalState.OPEN,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rule proposal")
        verbose_name_plural = _("rule proposals")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("reviews:proposals") + f"#proposal-{self.pk}"
