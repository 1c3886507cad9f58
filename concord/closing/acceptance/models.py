"""Acceptance of deliverables (成果验收) and effect verification (效果验证).

Acceptance: each deliverable of the effective plan becomes an `Item` when
its responsible department first submits it. A `Submission` is one round:
the self-check list (《成果自检清单》, one `CheckLine` per standard), the
files, and the acceptance group's verdict — pass (通过), needs rework
(需补充完善, with a rework deadline) or fail (不通过). The group judges
through the approval engine: the item is the flow's subject and every
round is a new flow, so flow round == submission round. The
《成果验收确认表》 is all rounds of all items.

Effect verification (problem collaborations): a `Verification` round
compares the outcome with the problem definition it copies (phenomenon,
impact, root cause), collects `Feedback` from every participating
department, then concludes resolved, partially resolved (a follow-up task
with an owner and date) or unresolved (a new round opens, whose problem
definition the team revises; earlier rounds stay as they were).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department


class Mode(models.TextChoices):
    # Translators: 会签 — every member of the acceptance group must pass it.
    ALL = "all", _("All members must agree")
    # Translators: 组长决定 — the group lead's verdict counts.
    LEAD = "lead", _("The group lead decides")


class ItemState(models.TextChoices):
    PENDING = "pending", _("Not submitted")
    # Translators: 验收中
    JUDGING = "judging", _("Under judgement")
    # Translators: 需补充完善
    REWORK = "rework", _("Needs rework")
    # Translators: 通过
    PASSED = "passed", _("Passed")
    # Translators: 不通过
    FAILED = "failed", pgettext_lazy("acceptance", "Failed")


class Verdict(models.TextChoices):
    # Translators: 通过
    PASS = "pass", _("Pass")
    # Translators: 需补充完善
    REWORK = "rework", _("Needs rework")
    # Translators: 不通过
    FAIL = "fail", _("Fail")


class Answer(models.TextChoices):
    # Translators: 符合
    MET = "met", _("Met")
    # Translators: 不符合
    NOT_MET = "not_met", _("Not met")


class AcceptanceGroup(models.Model):
    """The acceptance group (验收小组) chosen by the initiating department."""

    collaboration = models.OneToOneField(
        Collaboration, on_delete=models.CASCADE, related_name="acceptance_group"
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("group lead"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    mode = models.CharField(_("decision mode"), max_length=8, choices=Mode.choices)
    judging_days = models.PositiveSmallIntegerField(_("judging time (working days)"), default=3)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("acceptance group")
        verbose_name_plural = _("acceptance groups")

    def __str__(self) -> str:
        return str(self.collaboration)


class GroupMember(models.Model):
    group = models.ForeignKey(AcceptanceGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("acceptance group member")
        verbose_name_plural = _("acceptance group members")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="acceptance_member_once")
        ]

    def __str__(self) -> str:
        return str(self.user)


class Item(models.Model):
    """One deliverable of the plan under acceptance (keyed by the plan row's key)."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="acceptance_items"
    )
    deliverable_key = models.UUIDField()
    name = models.CharField(_("deliverable"), max_length=300)
    standard = models.TextField(_("acceptance standard"), blank=True)
    owner_department = models.ForeignKey(
        Department,
        verbose_name=_("responsible department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ItemState.choices, default=ItemState.PENDING
    )
    rounds = models.PositiveIntegerField(_("rounds"), default=0)
    rework_due = models.DateField(_("rework due"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("deliverable under acceptance")
        verbose_name_plural = _("deliverables under acceptance")
        ordering = ["collaboration", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "deliverable_key"], name="acceptance_item_once"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("acceptance:item", args=[self.collaboration.ref, self.pk])


class Submission(models.Model):
    """One round: the self-check, the files and the group's verdict."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="submissions")
    round = models.PositiveIntegerField(_("round"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    note = models.TextField(_("note"), blank=True)
    judging_due = models.DateField(_("judging due"))
    verdict = models.CharField(_("verdict"), max_length=8, choices=Verdict.choices, blank=True)
    verdict_note = models.TextField(_("verdict note"), blank=True)
    rework_due = models.DateField(_("rework due"), null=True, blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("judged by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    judged_at = models.DateTimeField(_("judged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("acceptance submission")
        verbose_name_plural = _("acceptance submissions")
        ordering = ["item", "round"]
        constraints = [
            models.UniqueConstraint(fields=["item", "round"], name="acceptance_submission_round")
        ]

    def __str__(self) -> str:
        return f"{self.item.name} #{self.round}"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()

    @property
    def collaboration_id(self) -> int:
        return self.item.collaboration_id


class CheckLine(models.Model):
    """One standard of the self-check list: met / not met, with a note."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    standard = models.TextField(_("standard"))
    answer = models.CharField(_("answer"), max_length=8, choices=Answer.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("self-check line")
        verbose_name_plural = _("self-check lines")
        ordering = ["submission", "position"]

    def __str__(self) -> str:
        return self.standard[:50]


def _file_path(instance: "SubmissionFile", filename: str) -> str:
    return f"acceptance/{instance.submission_id}/{filename}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=_file_path, max_length=255)
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Outcome(models.TextChoices):
    # Translators: 已解决
    RESOLVED = "resolved", _("Resolved")
    # Translators: 部分解决
    PARTIAL = "partial", _("Partially resolved")
    # Translators: 未解决
    UNRESOLVED = "unresolved", _("Unresolved")


class VerificationState(models.TextChoices):
    # Translators: 重新定义问题
    DEFINING = "defining", _("Redefining the problem")
    # Translators: 收集反馈
    COLLECTING = "collecting", _("Collecting feedback")
    DECIDED = "decided", _("Concluded")


class Rating(models.TextChoices):
    # Translators: 有效 (how well the solution worked; not 已生效)
    EFFECTIVE = "effective", pgettext_lazy("effect rating", "Effective")
    PARTLY = "partly", _("Partly effective")
    NOT_EFFECTIVE = "not_effective", _("Not effective")


class Verification(models.Model):
    """One round of effect verification against a problem definition."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="verifications"
    )
    round = models.PositiveIntegerField(_("round"))
    state = models.CharField(_("state"), max_length=16, choices=VerificationState.choices)
    phenomenon = models.TextField(_("phenomenon"), blank=True)
    impact = models.TextField(_("quantified impact"), blank=True)
    root_cause = models.TextField(_("root cause"), blank=True)
    observed = models.TextField(_("observed outcome"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("follow-up owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    follow_up_task = models.ForeignKey(
        "tasks.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("effect verification")
        verbose_name_plural = _("effect verifications")
        ordering = ["collaboration", "round"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "round"], name="acceptance_verification_round"
            ),
            models.UniqueConstraint(
                fields=["collaboration"],
                condition=~Q(state="decided"),
                name="acceptance_verification_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.collaboration} · #{self.round}"

    def get_absolute_url(self) -> str:
        return reverse("acceptance:verification", args=[self.collaboration.ref])


class Feedback(models.Model):
    """One participating department's feedback on the effect."""

    verification = models.ForeignKey(
        Verification, on_delete=models.CASCADE, related_name="feedback"
    )
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices, blank=True)
    text = models.TextField(_("feedback"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("department feedback")
        verbose_name_plural = _("department feedback")
        ordering = ["verification", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verification", "department"], name="acceptance_feedback_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.department)
