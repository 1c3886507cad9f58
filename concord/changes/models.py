"""Change notices (变更通知) and resource requests (《资源申请表》).

A `ChangeNotice` announces a requirement change or a plan adjustment to
every stakeholder of a collaboration; each stakeholder gets a
`ChangeAcknowledgement` row that they fill when they acknowledge. A notice
that a `ChangeApprovalRule` matches is approved before it is issued.

A `ResourceRequest` asks for people, budget or equipment; it is reviewed by
the initiating department's head and approved through the approval engine
in one flow.
"""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class Category(models.TextChoices):
    # Translators: 需求变更
    REQUIREMENT = "requirement", _("Requirement change")
    # Translators: 计划调整
    PLAN = "plan", _("Plan adjustment")


class NoticeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_APPROVAL = "pending_approval", _("Pending approval")
    ISSUED = "issued", _("Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ChangeNotice(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="change_notices"
    )
    # BG-01, BG-02 … within the collaboration (BG = 变更).
    number = models.CharField(_("number"), max_length=20)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    what = models.TextField(_("what changes"))
    why = models.TextField(_("reason"))
    impact_scope = models.TextField(_("impact on scope"), blank=True)
    impact_time = models.TextField(_("impact on time"), blank=True)
    impact_budget = models.TextField(_("impact on budget"), blank=True)
    impact_departments = models.ManyToManyField(
        Department, verbose_name=_("departments affected"), blank=True, related_name="+"
    )
    effective_on = models.DateField(_("takes effect on"))
    budget_delta = models.DecimalField(
        _("budget change (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=NoticeState.choices,
        default=NoticeState.DRAFT,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    # What raised the notice, e.g. a plan version that became effective.
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    # The approver's feedback when the approval returned or rejected it.
    feedback = models.TextField(_("feedback"), blank=True)
    reminders_sent = models.PositiveIntegerField(_("reminders sent"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change notice")
        verbose_name_plural = _("change notices")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "number"], name="changes_notice_number_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("changes:notice", args=[self.collaboration.ref, self.number])


class ChangeAcknowledgement(models.Model):
    notice = models.ForeignKey(
        ChangeNotice, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="changes_ack_once")]
        indexes = [models.Index(fields=["user", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.notice} · {self.user}"


class ApproverRole(models.TextChoices):
    INITIATING_HEAD = "initiating_head", _("Initiating department head")
    DIRECTOR = "director", _("Director")
    VP = "vp", _("Vice president")
    GM = "gm", _("General manager")
    # Translators: 项目发起人
    SPONSOR = "sponsor", _("Sponsor")


class ChangeApprovalRule(models.Model):
    """A change notice matching this rule is approved by `approver_role` before it is issued.

    Every active matching rule adds one step, in `position` order; a role
    appears once.
    """

    name = models.CharField(_("name"), max_length=100)
    category = models.CharField(
        _("category"),
        max_length=16,
        choices=Category.choices,
        blank=True,
        help_text=_("Empty: every category."),
    )
    min_budget_delta = models.DecimalField(
        _("minimum budget change (CNY)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty: whatever the budget change."),
    )
    approver_role = models.CharField(_("approver"), max_length=20, choices=ApproverRole.choices)
    position = models.PositiveIntegerField(_("position"), default=1)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("change approval rule")
        verbose_name_plural = _("change approval rules")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class ResourceKind(models.TextChoices):
    PEOPLE = "people", _("People")
    BUDGET = "budget", _("Budget")
    EQUIPMENT = "equipment", _("Equipment")


class ResourceState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for revision")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ResourceRequest(models.Model):
    """One row of the 《资源申请表》."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="resource_requests"
    )
    # ZY-01, ZY-02 … within the collaboration (ZY = 资源).
    number = models.CharField(_("number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices)
    description = models.TextField(_("description"))
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    justification = models.TextField(_("justification"))
    period_from = models.DateField(_("from"))
    period_to = models.DateField(_("to"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=ResourceState.choices,
        default=ResourceState.DRAFT,
        db_index=True,
    )
    feedback = models.TextField(_("feedback"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("resource request")
        verbose_name_plural = _("resource requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "number"], name="changes_resource_number_once"
            ),
            models.CheckConstraint(
                condition=models.Q(period_to__gte=models.F("period_from")),
                name="changes_resource_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {ResourceKind(self.kind).label}"

    def get_absolute_url(self) -> str:
        return reverse("changes:resource", args=[self.collaboration.ref, self.number])


def notice_snapshot(notice: ChangeNotice) -> dict[str, Any]:
    return {
        "number": notice.number,
        "category": notice.category,
        "title": notice.title,
        "state": notice.state,
        "effective_on": notice.effective_on,
        "budget_delta": notice.budget_delta,
    }


def resource_snapshot(req: ResourceRequest) -> dict[str, Any]:
    return {
        "number": req.number,
        "kind": req.kind,
        "quantity": req.quantity,
        "amount": req.amount,
        "period_from": req.period_from,
        "period_to": req.period_to,
        "state": req.state,
    }
