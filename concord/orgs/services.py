"""Writes to the organization. Each function is one transaction and one event."""

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.lib.errors import DomainError

from .models import CalendarOverride, Delegation, Department, Level, Person

User = get_user_model()
Actor = AbstractBaseUser | AnonymousUser | None


class _Unset:
    """Marks an argument the caller left out, so that None can mean "clear it"."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def _require(actor: Actor, perm: str, obj: Any = None) -> None:
    # actor=None is the system itself (the demo command, migrations of data);
    # every person, anonymous included, goes through the permission rules.
    if actor is None:
        return
    if not actor.has_perm(perm, obj):  # type: ignore[union-attr]
        raise DomainError(_("You are not allowed to do this."), code="forbidden")


def _department_snapshot(dept: Department) -> dict[str, Any]:
    return {
        "name": dept.name,
        "code": dept.code,
        "parent": dept.parent_id,
        "head": dept.head_id,
        "is_active": dept.is_active,
    }


def _person_snapshot(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "employee_no": person.employee_no,
        "department": person.department_id,
        "title": person.title,
        "manager": person.manager_id,
        "level": person.level,
        "is_pmo": person.is_pmo,
        "email": person.user.email,
        "phone": person.phone,
        "language": person.language,
        "is_active": person.user.is_active,
    }


def _check_email(email: str) -> None:
    if not email.strip():
        return
    try:
        validate_email(email.strip())
    except ValidationError:
        raise DomainError(_("Enter a valid email address."), field="email") from None


@transaction.atomic
def department_create(
    *, actor: Actor, name: str, code: str, parent: Department | None = None
) -> Department:
    _require(actor, "orgs.manage_org")
    name = name.strip()
    code = code.strip()
    if not name:
        raise DomainError(_("Enter the department's name."), field="name")
    if not code:
        raise DomainError(_("Enter the department's code."), field="code")
    if Department.objects.filter(code=code).exists():
        raise DomainError(
            _("A department with the code “%(code)s” already exists.") % {"code": code},
            field="code",
        )
    if Department.objects.filter(parent=parent, name=name).exists():
        raise DomainError(
            _("“%(name)s” already exists at this level of the tree.") % {"name": name},
            field="name",
        )
    if parent is not None and not parent.is_active:
        raise DomainError(_("The parent department is inactive."), field="parent")
    dept = Department.objects.create(name=name, code=code, parent=parent)
    event_record(
        actor=actor, verb="department.created", subject=dept, after=_department_snapshot(dept)
    )
    return dept


@transaction.atomic
def department_set_head(*, actor: Actor, department: Department, head: Any | None) -> Department:
    """Make `head` (a user, or None) the department's head.

    A head's leadership level is raised to department head if it was lower,
    because approval chains look the head up by level.
    """
    _require(actor, "orgs.manage_org")
    dept = Department.objects.select_for_update().get(pk=department.pk)
    before = _department_snapshot(dept)
    if head is not None:
        person = Person.objects.select_for_update().filter(user=head).first()
        if person is None:
            raise DomainError(_("The head must be a person of the organization."), field="head")
        if not User.objects.filter(pk=head.pk, is_active=True).exists():
            raise DomainError(_("The head must be an active person."), field="head")
        if Level.rank(person.level) < Level.rank(Level.DEPARTMENT_HEAD):
            person.level = Level.DEPARTMENT_HEAD
            person.save(update_fields=["level"])
    dept.head = head
    dept.save(update_fields=["head"])
    event_record(
        actor=actor,
        verb="department.head_set",
        subject=dept,
        before=before,
        after=_department_snapshot(dept),
    )
    return dept


@transaction.atomic
def person_create(
    *,
    actor: Actor,
    username: str,
    name: str,
    employee_no: str,
    department: Department,
    email: str = "",
    title: str = "",
    manager: Any | None = None,
    level: str = Level.STAFF,
    is_pmo: bool = False,
    password: str | None = None,
    phone: str = "",
) -> Person:
    """Create a login and its organizational profile together."""
    _require(actor, "orgs.manage_org")
    username = username.strip()
    if not username:
        raise DomainError(_("Enter a username."), field="username")
    if not name.strip():
        raise DomainError(_("Enter the person's name."), field="name")
    if level not in Level.values:
        raise DomainError(_("Choose a valid leadership level."), field="level")
    if User.objects.filter(username=username).exists():
        raise DomainError(
            _("The username “%(username)s” is taken.") % {"username": username},
            field="username",
        )
    if not employee_no.strip():
        raise DomainError(_("Enter the employee number."), field="employee_no")
    if Person.objects.filter(employee_no=employee_no).exists():
        raise DomainError(
            _("The employee number “%(no)s” is taken.") % {"no": employee_no},
            field="employee_no",
        )
    _check_email(email)
    if not department.is_active:
        raise DomainError(_("The department is inactive."), field="department")
    # The PMO configures the process (approval and change rules) in the
    # admin; each admin page decides what a PMO may see there.
    user = User(username=username, email=email.strip(), is_staff=is_pmo)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    person = Person.objects.create(
        user=user,
        name=name.strip(),
        employee_no=employee_no.strip(),
        department=department,
        title=title.strip(),
        manager=manager,
        level=level,
        is_pmo=is_pmo,
        phone=phone.strip(),
    )
    event_record(
        actor=actor,
        verb="person.created",
        subject=person,
        scope=department,
        after=_person_snapshot(person),
    )
    return person


@transaction.atomic
def department_update(
    *,
    actor: Actor,
    department: Department,
    name: str | None = None,
    parent: Department | None = UNSET,
    is_active: bool | None = None,
) -> Department:
    """Rename, move in the tree, or (de)activate a department.

    Leave an argument out to keep its value; `parent=None` moves the
    department to the top of the tree.
    """
    _require(actor, "orgs.manage_org")
    dept = Department.objects.select_for_update().get(pk=department.pk)
    before = _department_snapshot(dept)
    if name is not None:
        name = name.strip()
        if not name:
            raise DomainError(_("Enter the department's name."), field="name")
        dept.name = name
    if parent is not UNSET:
        if parent is not None:
            _refuse_department_cycle(dept, parent)
            if not parent.is_active:
                raise DomainError(_("The parent department is inactive."), field="parent")
        dept.parent = parent
    if Department.objects.filter(parent=dept.parent, name=dept.name).exclude(pk=dept.pk).exists():
        raise DomainError(
            _("“%(name)s” already exists at this level of the tree.") % {"name": dept.name},
            field="name",
        )
    if is_active is False and dept.is_active:
        _refuse_deactivating_occupied(dept)
    if is_active is True and not dept.is_active and dept.parent and not dept.parent.is_active:
        raise DomainError(_("The parent department is inactive."), field="is_active")
    if is_active is not None:
        dept.is_active = is_active
    dept.save()
    event_record(
        actor=actor,
        verb="department.updated",
        subject=dept,
        before=before,
        after=_department_snapshot(dept),
    )
    return dept


def _refuse_department_cycle(dept: Department, new_parent: Department) -> None:
    # Walk up from the new parent: meeting the department itself means the
    # move would hang it below its own descendant.
    parents = dict(Department.objects.values_list("pk", "parent_id"))
    node: int | None = new_parent.pk
    while node is not None:
        if node == dept.pk:
            raise DomainError(
                _("A department cannot be moved below itself or one of its sub-departments."),
                field="parent",
            )
        node = parents.get(node)


def _refuse_deactivating_occupied(dept: Department) -> None:
    if Person.objects.filter(department=dept, user__is_active=True).exists():
        raise DomainError(
            _("The department still has active members; move them first."),
            code="conflict",
            field="is_active",
        )
    if dept.children.filter(is_active=True).exists():
        raise DomainError(
            _("The department still has active sub-departments; deactivate or move them first."),
            code="conflict",
            field="is_active",
        )


@transaction.atomic
def person_update(
    *,
    actor: Actor,
    person: Person,
    name: str | None = None,
    employee_no: str | None = None,
    department: Department | None = None,
    title: str | None = None,
    manager: Any = UNSET,
    level: str | None = None,
    is_pmo: bool | None = None,
    email: str | None = None,
    phone: str | None = None,
    language: str | None = None,
) -> Person:
    """Change a person's profile; leave an argument out to keep its value.

    `manager=None` clears the manager. A person may change their own
    language; everything else is the PMO's.
    """
    changes_other_than_language = any(
        v is not None for v in (name, employee_no, department, title, level, is_pmo, email, phone)
    ) or (manager is not UNSET)
    locked = Person.objects.select_for_update().select_related("user").get(pk=person.pk)
    is_self = actor is not None and actor.pk == locked.user_id
    if changes_other_than_language or not is_self:
        _require(actor, "orgs.manage_org")
    before = _person_snapshot(locked)
    if name is not None:
        if not name.strip():
            raise DomainError(_("Enter the person's name."), field="name")
        locked.name = name.strip()
    if employee_no is not None:
        employee_no = employee_no.strip()
        if not employee_no:
            raise DomainError(_("Enter the employee number."), field="employee_no")
        if Person.objects.filter(employee_no=employee_no).exclude(pk=locked.pk).exists():
            raise DomainError(
                _("The employee number “%(no)s” is taken.") % {"no": employee_no},
                field="employee_no",
            )
        locked.employee_no = employee_no
    if department is not None:
        if not department.is_active and department.pk != locked.department_id:
            raise DomainError(_("The department is inactive."), field="department")
        locked.department = department
    if title is not None:
        locked.title = title.strip()
    if manager is not UNSET:
        if manager is not None:
            _refuse_manager_cycle(locked, manager)
        locked.manager = manager
    if level is not None:
        if level not in Level.values:
            raise DomainError(_("Choose a valid leadership level."), field="level")
        locked.level = level
    if is_pmo is not None:
        locked.is_pmo = is_pmo
        if locked.user.is_staff != is_pmo and not locked.user.is_superuser:
            locked.user.is_staff = is_pmo
            locked.user.save(update_fields=["is_staff"])
    if phone is not None:
        locked.phone = phone.strip()
    if language is not None:
        if language not in dict(settings.LANGUAGES):
            raise DomainError(_("Choose a valid language."), field="language")
        locked.language = language
    if email is not None:
        _check_email(email)
        locked.user.email = email.strip()
        locked.user.save(update_fields=["email"])
    locked.save()
    event_record(
        actor=actor,
        verb="person.updated",
        subject=locked,
        scope=locked.department,
        before=before,
        after=_person_snapshot(locked),
    )
    return locked


def _refuse_manager_cycle(person: Person, manager: Any) -> None:
    if manager.pk == person.user_id:
        raise DomainError(_("A person cannot be their own manager."), field="manager")
    if not Person.objects.filter(user=manager).exists():
        raise DomainError(_("The manager must be a person of the organization."), field="manager")
    managers = dict(Person.objects.values_list("user_id", "manager_id"))
    node: int | None = manager.pk
    seen: set[int] = set()
    while node is not None and node not in seen:
        if node == person.user_id:
            raise DomainError(
                _("This manager reports, directly or not, to the person: that would be a cycle."),
                field="manager",
            )
        seen.add(node)
        node = managers.get(node)


@transaction.atomic
def person_deactivate(*, actor: Actor, person: Person) -> Person:
    """Disable the person's login; their history stays."""
    _require(actor, "orgs.manage_org")
    locked = Person.objects.select_for_update().select_related("user").get(pk=person.pk)
    if not locked.user.is_active:
        raise DomainError(_("This person is already inactive."), code="conflict")
    headed = Department.objects.filter(head=locked.user, is_active=True).first()
    if headed is not None:
        raise DomainError(
            _("%(name)s still heads %(dept)s; choose another head first.")
            % {"name": locked.name, "dept": headed.name},
            code="conflict",
        )
    before = _person_snapshot(locked)
    locked.user.is_active = False
    locked.user.save(update_fields=["is_active"])
    event_record(
        actor=actor,
        verb="person.deactivated",
        subject=locked,
        scope=locked.department,
        before=before,
        after=_person_snapshot(locked),
    )
    return locked


def _delegation_snapshot(d: Delegation) -> dict[str, Any]:
    return {
        "delegator": d.delegator_id,
        "deputy": d.deputy_id,
        "starts_on": d.starts_on,
        "ends_on": d.ends_on,
        "reason": d.reason,
        "revoked_at": d.revoked_at,
    }


@transaction.atomic
def delegation_create(
    *,
    actor: Actor,
    delegator: Any,
    deputy: Any,
    starts_on: date,
    ends_on: date,
    reason: str = "",
) -> Delegation:
    """Send the delegator's approvals to the deputy between two dates (inclusive)."""
    _require(actor, "orgs.manage_delegation", delegator)
    # Locking the delegator's profile serializes two concurrent requests, so
    # the overlap check below cannot be raced.
    delegator_person = Person.objects.select_for_update().filter(user=delegator).first()
    if delegator_person is None:
        raise DomainError(_("The delegator must be a person of the organization."))
    if deputy is None:
        raise DomainError(_("Choose a deputy."), field="deputy")
    if deputy.pk == delegator.pk:
        raise DomainError(_("A person cannot delegate to themself."), field="deputy")
    # Read from the database: the caller's user object may be stale.
    if not Person.objects.filter(user=deputy, user__is_active=True).exists():
        raise DomainError(_("The deputy must be an active person."), field="deputy")
    if ends_on < starts_on:
        raise DomainError(_("The end date is before the start date."), field="ends_on")
    overlapping = Delegation.objects.filter(
        delegator=delegator,
        revoked_at__isnull=True,
        starts_on__lte=ends_on,
        ends_on__gte=starts_on,
    ).first()
    if overlapping is not None:
        raise DomainError(
            _("It overlaps the delegation from %(start)s to %(end)s; revoke that one first.")
            % {"start": overlapping.starts_on, "end": overlapping.ends_on},
            code="conflict",
            field="starts_on",
        )
    delegation = Delegation.objects.create(
        delegator=delegator,
        deputy=deputy,
        starts_on=starts_on,
        ends_on=ends_on,
        reason=reason.strip(),
    )
    event_record(
        actor=actor,
        verb="delegation.created",
        subject=delegation,
        scope=delegator_person,
        after=_delegation_snapshot(delegation),
    )
    return delegation


@transaction.atomic
def delegation_revoke(*, actor: Actor, delegation: Delegation) -> Delegation:
    """End a delegation now; approvals go back to the delegator."""
    locked = Delegation.objects.select_for_update().get(pk=delegation.pk)
    _require(actor, "orgs.manage_delegation", locked.delegator)
    if locked.revoked_at is not None:
        raise DomainError(_("This delegation is already revoked."), code="conflict")
    before = _delegation_snapshot(locked)
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    event_record(
        actor=actor,
        verb="delegation.revoked",
        subject=locked,
        scope=Person.objects.get(user_id=locked.delegator_id),
        before=before,
        after=_delegation_snapshot(locked),
    )
    return locked


# --- Working calendar (工作日历) ------------------------------------------

#: The longest span one range action may set: a year covers any holiday.
CALENDAR_RANGE_MAX_DAYS = 366


def _override_snapshot(row: CalendarOverride) -> dict[str, Any]:
    return {"day": row.day, "is_working": row.is_working, "note": row.note}


def _clean_override_input(day: Any, note: str) -> str:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise DomainError(_("Enter a valid date."), field="day")
    note = (note or "").strip()
    max_length = CalendarOverride._meta.get_field("note").max_length or 200
    if len(note) > max_length:
        raise DomainError(
            _("Keep the note within %(n)d characters.") % {"n": max_length}, field="note"
        )
    return note


def _override_upsert(
    day: date, is_working: bool, note: str
) -> tuple[CalendarOverride, dict[str, Any]]:
    """Create or change the override of `day` under a row lock; return it and its old values."""
    row = CalendarOverride.objects.select_for_update().filter(day=day).first()
    if row is None:
        try:
            # A savepoint, so that losing a race to create the same day
            # leaves the outer transaction usable.
            with transaction.atomic():
                return CalendarOverride.objects.create(
                    day=day, is_working=is_working, note=note
                ), {}
        except IntegrityError:
            row = CalendarOverride.objects.select_for_update().get(day=day)
    before = _override_snapshot(row)
    if row.is_working != is_working or row.note != note:
        row.is_working = is_working
        row.note = note
        row.save(update_fields=["is_working", "note", "updated_at"])
    return row, before


@transaction.atomic
def calendar_override_set(
    *, actor: Actor, day: date, is_working: bool, note: str = ""
) -> CalendarOverride:
    """Declare `day` a working day or a day off, whatever the statutory calendar says.

    Setting the values a day already has changes nothing and records no
    event, also when two requests race to set the same values.
    """
    _require(actor, "orgs.manage_calendar")
    note = _clean_override_input(day, note)
    row, before = _override_upsert(day, bool(is_working), note)
    if before == _override_snapshot(row):
        return row
    event_record(
        actor=actor,
        verb="calendar.override_set",
        subject=row,
        before=before,
        after=_override_snapshot(row),
    )
    return row


@transaction.atomic
def calendar_override_clear(*, actor: Actor, day: date) -> None:
    """Remove the override of `day`, so the statutory calendar decides again."""
    _require(actor, "orgs.manage_calendar")
    _clean_override_input(day, "")
    row = CalendarOverride.objects.select_for_update().filter(day=day).first()
    if row is None:
        raise DomainError(_("This date has no override."), code="not_found", field="day")
    # The event goes first: it needs the row's key, which delete() clears.
    event_record(
        actor=actor, verb="calendar.override_cleared", subject=row, before=_override_snapshot(row)
    )
    row.delete()


@transaction.atomic
def calendar_override_set_range(
    *, actor: Actor, first: date, last: date, is_working: bool, note: str = ""
) -> list[CalendarOverride]:
    """Set every date from `first` to `last` (inclusive) alike, as one action with one event.

    Meant for filling in a whole holiday of a year the library does not
    know yet (say 2027's Spring Festival). The event's subject is the first
    day's override; its values list every day.
    """
    _require(actor, "orgs.manage_calendar")
    note = _clean_override_input(first, note)
    _clean_override_input(last, "")
    if last < first:
        raise DomainError(_("The last date must not be before the first."), field="last")
    span = (last - first).days + 1
    if span > CALENDAR_RANGE_MAX_DAYS:
        raise DomainError(
            _("Set at most %(n)d days at once.") % {"n": CALENDAR_RANGE_MAX_DAYS}, field="last"
        )
    existing = {
        row.day: row
        for row in CalendarOverride.objects.select_for_update().filter(day__range=(first, last))
    }
    before = {
        day.isoformat(): {"is_working": row.is_working, "note": row.note}
        for day, row in existing.items()
    }
    now = timezone.now()
    for row in existing.values():
        row.is_working, row.note, row.updated_at = bool(is_working), note, now
    CalendarOverride.objects.bulk_update(existing.values(), ["is_working", "note", "updated_at"])
    days = [first + timedelta(days=offset) for offset in range(span)]
    missing = [
        CalendarOverride(day=day, is_working=bool(is_working), note=note)
        for day in days
        if day not in existing
    ]
    try:
        with transaction.atomic():
            CalendarOverride.objects.bulk_create(missing)
    except IntegrityError:
        raise DomainError(
            _("Someone else changed these dates at the same time; try again."), code="conflict"
        ) from None
    rows = list(CalendarOverride.objects.filter(day__range=(first, last)).order_by("day"))
    event_record(
        actor=actor,
        verb="calendar.override_range_set",
        subject=rows[0],
        before={"days": before},
        after={"first": first, "last": last, "is_working": bool(is_working), "note": note},
    )
    return rows
