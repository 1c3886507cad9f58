"""Writes to the organization. Each function is one transaction and one event."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.lib.errors import DomainError

from .models import Department, Level, Person

User = get_user_model()
Actor = AbstractBaseUser | AnonymousUser | None


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
        "is_active": person.user.is_active,
    }


@transaction.atomic
def department_create(
    *, actor: Actor, name: str, code: str, parent: Department | None = None
) -> Department:
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
    dept = Department.objects.select_for_update().get(pk=department.pk)
    before = _department_snapshot(dept)
    if head is not None:
        person = Person.objects.select_for_update().filter(user=head).first()
        if person is None:
            raise DomainError(_("The head must be a person of the organization."), field="head")
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
    if Person.objects.filter(employee_no=employee_no).exists():
        raise DomainError(
            _("The employee number “%(no)s” is taken.") % {"no": employee_no},
            field="employee_no",
        )
    user = User(username=username, email=email.strip())
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
    event_record(actor=actor, verb="person.created", subject=person, after=_person_snapshot(person))
    return person
