"""The collaboration aggregate and its request form.

A `Collaboration` is the aggregate: number, kind, name, state and who
started it. The filled request form lives in `Request` (1:1), with its
rows (suggested departments with people, key dates, core problems,
attachments) pointing at the collaboration, so that later phases (plan,
tasks, meetings) grow the aggregate without touching the form. The team
(`TeamMember`, `ParticipatingDepartment`) is created when the request is
approved (立项).
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.approvals.models import Importance
from concord.orgs.models import Department

from .lifecycle import State


class Kind(models.TextChoices):
    # Translators: 跨部门项目
    PROJECT = "project", _("Cross-department project")
    # Translators: 问题解决
    PROBLEM = "problem", _("Problem solving")
    # Translators: 沟通协调
    COORDINATION = "coordination", _("Coordination")


class Collaboration(models.Model):
    number = models.CharField(
        _("number"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Assigned when first submitted, e.g. XQ-2026-0001."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True
    )
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("initiator"),
        on_delete=models.PROTECT,
        related_name="initiated_collaborations",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("initiating department"),
        on_delete=models.PROTECT,
        related_name="initiated_collaborations",
    )
    # Translators: 保密
    confidential = models.BooleanField(_("confidential"), default=False)
    importance = models.CharField(
        _("importance"), max_length=16, choices=Importance.choices, default=Importance.NORMAL
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    established_at = models.DateTimeField(_("established at"), null=True, blank=True)
    closed_reason = models.TextField(_("reason for ending"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["department", "state"])]

    def __str__(self) -> str:
        return f"{self.number} {self.name}" if self.number else self.name

    def get_absolute_url(self) -> str:
        return reverse("collaborations:detail", args=[self.number or str(self.pk)])

    @property
    def ref(self) -> str:
        """Return how URLs name it: the number, or the id while it is a draft."""
        return self.number or str(self.pk)


class Request(models.Model):
    """The request form (《跨部门协作需求申请表》 and its kind-specific variants)."""

    collaboration = models.OneToOneField(
        Collaboration, on_delete=models.CASCADE, primary_key=True, related_name="request"
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    background = models.TextField(_("background and purpose"), blank=True)
    goals = models.TextField(_("goals and expected outcomes"), blank=True)
    start_on = models.DateField(_("proposed start"), null=True, blank=True)
    end_on = models.DateField(_("proposed end"), null=True, blank=True)
    risks = models.TextField(_("main risks"), blank=True)
    people_count = models.PositiveIntegerField(_("people"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    equipment = models.TextField(_("equipment"), blank=True)
    # Problem kind (问题定义)
    # Translators: 现象
    phenomenon = models.TextField(_("phenomenon"), blank=True)
    # Translators: 本质
    root_cause = models.TextField(_("suspected root cause"), blank=True)
    impact = models.TextField(_("quantified impact"), blank=True)
    attributed_departments = models.ManyToManyField(
        Department,
        verbose_name=_("provisionally attributed departments"),
        blank=True,
        related_name="+",
    )
    # Coordination kind
    # Translators: 前期沟通情况
    prior_communication = models.TextField(_("prior communication status"), blank=True)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")

    def __str__(self) -> str:
        return str(self.collaboration)


class SuggestedDepartment(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="suggested_departments"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("suggested people"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("suggested department")
        verbose_name_plural = _("suggested departments")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "department"],
                name="collaborations_suggested_department_once",
            )
        ]

    def __str__(self) -> str:
        return str(self.department)


class KeyDate(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="key_dates"
    )
    label = models.CharField(_("label"), max_length=100)
    on = models.DateField(_("date"))

    class Meta:
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.label} {self.on}"


class CoreProblem(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="core_problems"
    )
    description = models.TextField(_("description"))
    due_on = models.DateField(_("due date"))

    class Meta:
        verbose_name = _("core problem")
        verbose_name_plural = _("core problems")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:50]


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is generated; the original name is kept in `name`.
    return f"collaborations/{instance.collaboration_id}/{filename}"


class Attachment(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=255)
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    # Translators: 发起人
    INITIATOR = "initiator", _("Initiator")
    INITIATING_HEAD = "initiating_head", _("Initiating department head")
    # Translators: 对接人
    CONTACT = "contact", _("Contact")
    MEMBER = "member", _("Member")
    # Translators: 项目负责人
    LEAD = "lead", _("Project lead")
    # Translators: 项目发起人 — the senior sponsor, not the person who filed the request
    SPONSOR = "sponsor", _("Sponsor")


class TeamMember(models.Model):
    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="collaboration_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "user", "role", "department"],
                name="collaborations_team_role_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class ParticipatingDepartment(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="departments"
    )
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    # Translators: 对接人
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Translators: 牵头部门
    is_lead = models.BooleanField(_("lead department"), default=False)
    is_initiating = models.BooleanField(_("initiating department"), default=False)

    class Meta:
        verbose_name = _("participating department")
        verbose_name_plural = _("participating departments")
        ordering = ["-is_initiating", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "department"],
                name="collaborations_participating_department_once",
            ),
            models.UniqueConstraint(
                fields=["collaboration"],
                condition=Q(is_lead=True),
                name="collaborations_one_lead_department",
            ),
        ]

    def __str__(self) -> str:
        return str(self.department)


class RequestSequence(models.Model):
    """The last request number handed out in a year; locked while the next is taken."""

    year = models.PositiveIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("request number sequence")
        verbose_name_plural = _("request number sequences")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


def snapshot(collab: Collaboration) -> dict[str, Any]:
    return {
        "number": collab.number,
        "kind": collab.kind,
        "name": collab.name,
        "state": collab.state,
        "confidential": collab.confidential,
        "importance": collab.importance,
        "department": collab.department_id,
    }
