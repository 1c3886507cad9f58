"""The generic approval engine: flows of ordered steps, approvers and decisions.

A `Flow` approves one subject (any model) for one purpose
("collaboration.request", later "resource.request", ...). It is a chain of
`Step`s, each decided by its `StepApprover`s either all together (会签) or by
the first of them (或签). A return for revision ends the flow; the
resubmission starts a NEW flow with `round + 1`, so every round's decisions
stay on record.

`ApprovalRule` rows are the configuration that `chains.build_chain` turns
into steps: every active rule that matches a request adds its steps; the
steps are ordered by their `position` and a role appears once.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class StepMode(models.TextChoices):
    # Translators: 会签 — every approver of the step must approve.
    ALL = "all", _("All must approve")
    # Translators: 或签 — the first approver's decision counts for the step.
    ANY = "any", _("Any one approves")


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    # Translators: 退回 — sent back to the initiator for revision and resubmission.
    RETURN = "return", _("Return for revision")
    # Translators: 驳回 — final refusal.
    REJECT = "reject", _("Reject")


class FlowState(models.TextChoices):
    PENDING = "pending", _("In approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class StepState(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    ACTIVE = "active", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


class Importance(models.TextChoices):
    """The request's importance, lowest first; rules match this level and above."""

    NORMAL = "normal", _("Normal")
    IMPORTANT = "important", _("Important")
    STRATEGIC = "strategic", _("Strategic")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value)


class Role(models.TextChoices):
    """Whom a rule's step goes to; `chains.build_chain` finds the people."""

    DEPT_HEAD = "dept_head", _("Initiator's department head")
    DIRECTOR = "director", _("Director")
    VP = "vp", _("Vice president")
    GM = "gm", _("General manager")
    VP_OR_GM = "vp_or_gm", _("Vice president or general manager")
    PMO = "pmo", _("PMO")
    # Translators: 会商 — feasibility discussion by the VP and the PMO.
    FEASIBILITY = "feasibility", _("Feasibility discussion")


class Flow(models.Model):
    """One round of approval of one subject for one purpose."""

    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("subject type")
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_repr = models.CharField(_("subject"), max_length=255)
    purpose = models.CharField(_("purpose"), max_length=64)
    round = models.PositiveIntegerField(_("round"), default=1, validators=[MinValueValidator(1)])
    state = models.CharField(
        _("state"), max_length=16, choices=FlowState.choices, default=FlowState.PENDING
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval flow")
        verbose_name_plural = _("approval flows")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "purpose", "round"],
                name="approvals_flow_unique_round",
            ),
            # At most one flow of a subject and purpose is open at a time.
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "purpose"],
                condition=Q(state="pending"),
                name="approvals_flow_one_pending",
            ),
        ]
        indexes = [models.Index(fields=["subject_type", "subject_id", "-round"])]

    def __str__(self) -> str:
        from .hooks import label_of

        return f"{self.subject_repr} · {label_of(self.purpose)} #{self.round}"

    @property
    def is_open(self) -> bool:
        return self.state == FlowState.PENDING

    def subject_object(self) -> models.Model | None:
        """Return the approved object, or None when it has been deleted."""
        model = self.subject_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.subject_id).first()


class Step(models.Model):
    flow = models.ForeignKey(
        Flow, verbose_name=_("flow"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    label = models.CharField(_("label"), max_length=100)
    mode = models.CharField(_("mode"), max_length=8, choices=StepMode.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=StepState.choices, default=StepState.WAITING
    )
    remind_after_working_days = models.PositiveSmallIntegerField(
        _("remind after (working days)"), default=1
    )
    escalate_after_working_days = models.PositiveSmallIntegerField(
        _("escalate after (working days)"), default=2
    )
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        ordering = ["flow", "position"]
        constraints = [
            models.UniqueConstraint(fields=["flow", "position"], name="approvals_step_position"),
        ]
        indexes = [models.Index(fields=["state", "-activated_at"])]

    def __str__(self) -> str:
        return f"{self.flow} · {self.position}. {self.label}"


class StepApprover(models.Model):
    """A person designated to decide a step (their deputy may decide for them)."""

    step = models.ForeignKey(
        Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="approvers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("step approver")
        verbose_name_plural = _("step approvers")
        ordering = ["step", "id"]
        constraints = [
            models.UniqueConstraint(fields=["step", "user"], name="approvals_approver_once"),
        ]
        indexes = [models.Index(fields=["user", "step"])]

    def __str__(self) -> str:
        return f"{self.step}: {self.user}"


class StepDecision(models.Model):
    """Who decided what on a step, for whom, with which comment and when."""

    step = models.ForeignKey(
        Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="decisions"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The designated approver the decision counts for."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The approver, or their deputy on the day."),
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_at", "id"]
        constraints = [
            # The database's last word on races: one decision per approver per step.
            models.UniqueConstraint(fields=["step", "approver"], name="approvals_decide_once"),
        ]

    def __str__(self) -> str:
        return f"{self.step}: {self.decision}"

    @property
    def on_behalf(self) -> bool:
        return self.decided_by_id != self.approver_id


class ApprovalRule(models.Model):
    """Configuration: which steps a request of a kind, importance and budget needs.

    Every active rule whose conditions hold contributes its steps to the
    chain (see `chains.build_chain`); so "budget ≥ 500,000 adds the GM" is
    one more row, not code.
    """

    name = models.CharField(_("name"), max_length=100)
    purpose = models.CharField(_("purpose"), max_length=64, default="collaboration.request")
    collaboration_kind = models.CharField(
        _("collaboration kind"),
        max_length=32,
        blank=True,
        help_text=_("Empty: any kind."),
    )
    min_importance = models.CharField(
        _("minimum importance"),
        max_length=16,
        choices=Importance.choices,
        default=Importance.NORMAL,
    )
    min_budget = models.DecimalField(
        _("minimum budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Empty: any budget. Set: only requests with at least this budget."),
    )
    remind_after_working_days = models.PositiveSmallIntegerField(
        _("remind after (working days)"), default=1
    )
    escalate_after_working_days = models.PositiveSmallIntegerField(
        _("escalate to the superior after (working days)"), default=2
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=100,
        help_text=_("Lower first; the first matching rule's reminder settings apply."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("approval rule")
        verbose_name_plural = _("approval rules")
        ordering = ["purpose", "priority", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(escalate_after_working_days__gte=models.F("remind_after_working_days")),
                name="approvals_rule_escalate_after_remind",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ApprovalRuleStep(models.Model):
    rule = models.ForeignKey(
        ApprovalRule, verbose_name=_("rule"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(
        _("position"), help_text=_("Steps of all matching rules are ordered by this number.")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    mode = models.CharField(_("mode"), max_length=8, choices=StepMode.choices, default=StepMode.ANY)
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("Empty: the role's name.")
    )

    class Meta:
        verbose_name = _("rule step")
        verbose_name_plural = _("rule steps")
        ordering = ["rule", "position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.get_role_display()}"
