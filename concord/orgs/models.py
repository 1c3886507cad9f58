"""The organization: departments, people, delegations and the working calendar."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Leadership levels, lowest first; approval chains climb them."""

    STAFF = "staff", _("Staff")
    DEPARTMENT_HEAD = "dept_head", _("Department head")
    DIRECTOR = "director", _("Director")
    VP = "vp", _("Vice president")
    GM = "gm", _("General manager")

    @classmethod
    def rank(cls, level: str) -> int:
        return list(cls.values).index(level)


class Department(models.Model):
    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="headed_departments",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="orgs_department_unique_name_per_parent"
            ),
            # NULL parents are distinct in a plain unique index, so the top
            # level needs its own.
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(parent__isnull=True),
                name="orgs_department_unique_top_level_name",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="orgs_department_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """The organizational profile of a login: where they sit and whom they answer to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person"
    )
    name = models.CharField(_("name"), max_length=100)
    employee_no = models.CharField(_("employee number"), max_length=40, unique=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    title = models.CharField(_("title"), max_length=100, blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    level = models.CharField(
        _("leadership level"), max_length=16, choices=Level.choices, default=Level.STAFF
    )
    is_pmo = models.BooleanField(
        _("PMO admin"),
        default=False,
        help_text=_("Process owner: configures the process and sees every collaboration."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="zh-hans"
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["department__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(manager=models.F("user")), name="orgs_person_not_own_manager"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.name


class Delegation(models.Model):
    """Between two dates (inclusive) the delegator's approvals go to the deputy."""

    delegator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegator"),
        on_delete=models.PROTECT,
        related_name="delegations_given",
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deputy"),
        on_delete=models.PROTECT,
        related_name="delegations_received",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="orgs_delegation_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(deputy=models.F("delegator")),
                name="orgs_delegation_not_to_self",
            ),
        ]
        indexes = [models.Index(fields=["delegator", "starts_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.delegator} → {self.deputy} ({self.starts_on}–{self.ends_on})"

    def covers(self, day: date) -> bool:
        return self.revoked_at is None and self.starts_on <= day <= self.ends_on


class CalendarOverride(models.Model):
    """An admin's word on one date, stronger than the statutory calendar.

    This is how years the holiday library does not know yet are filled in,
    and how a company-specific day off is declared.
    """

    day = models.DateField(_("date"), unique=True)
    is_working = models.BooleanField(_("working day"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day}: {'working' if self.is_working else 'day off'}"
