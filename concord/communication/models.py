"""The communication plan (《沟通计划表》) of a collaboration and its escalation path.

One `CommPlan` per collaboration holds the rows (`CommItem`), the three
escalation levels (`EscalationLevel`) and the departments' confirmations
(《沟通机制确认表》). Every edit bumps `revision`; a confirmation counts for
the revision it was given for, so an edit after confirming asks for a new
confirmation without deleting the old record.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class Size(models.TextChoices):
    # Translators: 小型 (at most 5 people)
    SMALL = "small", _("Small (up to 5 people)")
    MEDIUM = "medium", _("Medium (up to 20 people)")
    LARGE = "large", _("Large (more than 20 people)")


class Channel(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    # Translators: 企业微信/钉钉群
    IM = "im", _("IM group")
    EMAIL = "email", _("Email")
    SYSTEM = "system", _("This system")
    DOCS = "docs", _("Shared documents")


class CommPlan(models.Model):
    collaboration = models.OneToOneField(
        Collaboration, on_delete=models.CASCADE, primary_key=True, related_name="comm_plan"
    )
    size = models.CharField(
        pgettext_lazy("how large a collaboration is", "size"),
        max_length=10,
        choices=Size.choices,
        blank=True,
        help_text=_("Leave empty to derive it from the people estimate and the team."),
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("communication plan")
        verbose_name_plural = _("communication plans")

    def __str__(self) -> str:
        return str(self.collaboration)


class CommItem(models.Model):
    plan = models.ForeignKey(CommPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"), default=0)
    # Translators: 沟通事项
    topic = models.CharField(_("topic"), max_length=200)
    departments = models.ManyToManyField(
        Department, verbose_name=_("departments"), blank=True, related_name="+"
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("people"), blank=True, related_name="+"
    )
    # Translators: 沟通方式
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # Translators: 频率/时间
    frequency = models.CharField(_("frequency or time"), max_length=200, blank=True)
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=500,
        blank=True,
        help_text=_("For recurring meetings, an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=FR."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Translators: 输出物
    output = models.CharField(_("output"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Which default proposed the row ("" for rows people added).
    origin = models.CharField(max_length=30, blank=True)

    class Meta:
        verbose_name = _("communication item")
        verbose_name_plural = _("communication items")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.topic


class LimitUnit(models.TextChoices):
    CLOCK_HOURS = "clock_hours", _("hours")
    WORKING_HOURS = "working_hours", _("working hours")
    WORKING_DAYS = "working_days", _("working days")


class HandlerRole(models.TextChoices):
    # Translators: 当事人自行沟通
    PARTIES = "parties", _("The parties themselves")
    # Translators: 项目负责人
    LEAD = "lead", _("Project lead")
    # Translators: 项目发起人（如副总）
    SPONSOR = "sponsor", _("Sponsor or vice president")


class EscalationLevel(models.Model):
    """One level of the escalation path (冲突升级路径): who handles it, within what time.

    `escalation_path()` returns these with `handlers` resolved (a list of users).
    """

    plan = models.ForeignKey(CommPlan, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(_("level"))
    role = models.CharField(_("handled by"), max_length=10, choices=HandlerRole.choices)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named handler"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty to follow the role."),
    )
    limit_value = models.PositiveIntegerField(_("time limit"))
    limit_unit = models.CharField(_("unit"), max_length=16, choices=LimitUnit.choices)

    class Meta:
        verbose_name = _("escalation level")
        verbose_name_plural = _("escalation levels")
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "level"], name="communication_level_once"),
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=3), name="communication_level_1_to_3"
            ),
            models.CheckConstraint(condition=Q(limit_value__gte=1), name="communication_limit_set"),
        ]

    def __str__(self) -> str:
        return f"L{self.level}"

    def deadline_from(self, start: datetime) -> datetime:
        """Return when this level's time runs out for something raised at `start`."""
        from concord.lib import workcal

        if self.limit_unit == LimitUnit.WORKING_DAYS:
            return workcal.add_working_days(start, self.limit_value)
        if self.limit_unit == LimitUnit.WORKING_HOURS:
            return workcal.add_working_hours(start, self.limit_value)
        return start + timedelta(hours=self.limit_value)


class CommConfirmation(models.Model):
    """A participating department's contact confirmed the plan (《沟通机制确认表》)."""

    plan = models.ForeignKey(CommPlan, on_delete=models.CASCADE, related_name="confirmations")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    revision = models.PositiveIntegerField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("communication plan confirmation")
        verbose_name_plural = _("communication plan confirmations")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "department", "revision"], name="communication_confirm_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department} r{self.revision}"
