"""The plan (《项目章程》/《跨部门协作计划书》) of a collaboration, in versions.

A collaboration has one `Plan`; the plan has numbered `PlanVersion`s. At
most one version is effective (in force) and at most one is being worked
on (a draft, or in sign-off). Editing an effective plan copies it into a
new draft; the effective version stays in force until the draft is signed.

Every row of a version (goal, resource, milestone, WBS item, deliverable)
carries a `key` that survives the copy, so two versions can be compared
row by row. RACI letters point at a WBS item or a deliverable of the same
version, and at a department or a person.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class VersionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    # Translators: 会签中 — waiting for every department head's signature.
    IN_SIGNOFF = "in_signoff", _("In sign-off")
    # Translators: 已生效
    EFFECTIVE = "effective", _("Effective")
    SUPERSEDED = "superseded", _("Superseded")


class Plan(models.Model):
    collaboration = models.OneToOneField(
        Collaboration, on_delete=models.CASCADE, related_name="plan"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return str(self.collaboration)


class PlanVersion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(
        _("state"), max_length=16, choices=VersionState.choices, default=VersionState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.TextField(_("summary of the change"), blank=True)
    scope_in = models.TextField(_("in scope"), blank=True)
    scope_out = models.TextField(_("out of scope"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # Problem kind (方案共创)
    # Translators: 问题根源 — the root cause the departments agreed on.
    root_cause = models.TextField(_("agreed root cause"), blank=True)
    # Coordination kind
    outcome = models.TextField(_("agreed outcome"), blank=True)
    declined_reasons = models.TextField(_("reasons for declining"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    effective_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planning_version_number_once"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(state="effective"),
                name="planning_one_effective_version",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(state__in=["draft", "in_signoff"]),
                name="planning_one_open_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("planning:plan", args=[self.plan.collaboration.ref])

    @property
    def collaboration_id(self) -> int:
        """Return the collaboration's id, as other apps ask of any source object."""
        return self.plan.collaboration_id


class Row(models.Model):
    """What every row of a version has: its version, order and cross-version key."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class Goal(Row):
    """A SMART goal: what, how it is measured, by when."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=500)
    measure = models.CharField(_("measure"), max_length=300, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)

    class Meta(Row.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.text


class Resource(Row):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="resources")
    name = models.CharField(_("resource"), max_length=200)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, null=True, blank=True
    )
    amount = models.CharField(_("amount or quantity"), max_length=100, blank=True)
    period = models.CharField(_("period"), max_length=100, blank=True)

    class Meta(Row.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.name


class Milestone(Row):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("date"))
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True)

    class Meta(Row.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "position", "id"]

    def __str__(self) -> str:
        return self.name


class WbsItem(Row):
    """A task of the work breakdown; nested to any depth through `parent`.

    For the problem kind it is a row of the 任务描述 / 负责人 / 截止时间 /
    交付成果 table (owner person, `ends_on`, `deliverable`); for the
    coordination kind a core problem with its due date.
    """

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="wbs")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    title = models.CharField(_("task"), max_length=300)
    owner_department = models.ForeignKey(
        Department,
        verbose_name=_("owner department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    duration_days = models.PositiveIntegerField(_("duration (working days)"), null=True, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    # Translators: 交付成果
    deliverable = models.CharField(_("deliverable"), max_length=300, blank=True)
    duty = models.TextField(_("duty description"), blank=True)
    # Translators: 交付标准
    standard = models.TextField(_("deliverable standard"), blank=True)

    class Meta(Row.Meta):
        verbose_name = _("WBS item")
        verbose_name_plural = _("WBS items")

    def __str__(self) -> str:
        return self.title


class Deliverable(Row):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="deliverables")
    name = models.CharField(_("deliverable"), max_length=300)
    owner_department = models.ForeignKey(
        Department,
        verbose_name=_("owner department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Translators: 交付物标准
    standard = models.TextField(_("acceptance standard"), blank=True)
    duty = models.TextField(_("duty description"), blank=True)

    class Meta(Row.Meta):
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return self.name


class Letter(models.TextChoices):
    # Translators: 负责 (R)
    R = "R", _("Responsible")
    # Translators: 批准 (A)
    A = "A", _("Accountable")
    # Translators: 咨询 (C)
    C = "C", _("Consulted")
    # Translators: 知会 (I)
    I = "I", _("Informed")  # noqa: E741


class RaciCell(models.Model):
    """One letter of the responsibility matrix: a row (task or deliverable) × a party."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="raci")
    wbs_item = models.ForeignKey(
        WbsItem, on_delete=models.CASCADE, null=True, blank=True, related_name="raci"
    )
    deliverable = models.ForeignKey(
        Deliverable, on_delete=models.CASCADE, null=True, blank=True, related_name="raci"
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    letter = models.CharField(max_length=1, choices=Letter.choices)

    class Meta:
        verbose_name = _("RACI cell")
        verbose_name_plural = _("RACI cells")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(wbs_item__isnull=True) ^ Q(deliverable__isnull=True),
                name="planning_raci_one_row",
            ),
            models.CheckConstraint(
                condition=Q(department__isnull=True) ^ Q(person__isnull=True),
                name="planning_raci_one_party",
            ),
            models.UniqueConstraint(
                fields=["wbs_item", "department"], name="planning_raci_task_department_once"
            ),
            models.UniqueConstraint(
                fields=["wbs_item", "person"], name="planning_raci_task_person_once"
            ),
            models.UniqueConstraint(
                fields=["deliverable", "department"], name="planning_raci_deliv_department_once"
            ),
            models.UniqueConstraint(
                fields=["deliverable", "person"], name="planning_raci_deliv_person_once"
            ),
        ]

    def __str__(self) -> str:
        return self.letter
