"""Who may see and do what in the organization (rules predicates).

Any employee may look at the organization; the PMO manages it. A person
may also manage their own delegations.
"""

from typing import Any

import rules
from django.db.models import Count, Q

from concord.lib.errors import DomainError, not_found

from .models import Delegation, Department, Person


@rules.predicate
def is_pmo(user: Any) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    person = getattr(user, "person", None)
    return bool(person and person.is_pmo) or bool(getattr(user, "is_superuser", False))


@rules.predicate
def is_employee(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and hasattr(user, "person"))


@rules.predicate
def is_delegator(user: Any, delegator: Any) -> bool:
    return bool(user.is_authenticated and delegator is not None and user.pk == delegator.pk)


rules.add_perm("orgs.view_org", is_employee | is_pmo)
rules.add_perm("orgs.manage_org", is_pmo)
# The object is the delegator (a user).
rules.add_perm("orgs.manage_delegation", is_pmo | (is_employee & is_delegator))
rules.add_perm("orgs.manage_calendar", is_pmo)


def require_view(user: Any) -> None:
    """Raise forbidden unless the user may look at the organization."""
    if not user.has_perm("orgs.view_org"):
        raise DomainError(_forbidden_message(), code="forbidden")


def _forbidden_message() -> str:
    from django.utils.translation import gettext as _

    return _("You are not allowed to see the organization.")


def department_for_view(user: Any, pk: int) -> Department:
    """Return the department with its head and member count, or raise not found."""
    require_view(user)
    dept = (
        Department.objects.select_related("parent", "head__person")
        .annotate(members_count=Count("members", filter=Q(members__user__is_active=True)))
        .filter(pk=pk)
        .first()
    )
    if dept is None:
        raise not_found()
    return dept


def person_for_view(user: Any, pk: int) -> Person:
    require_view(user)
    person = (
        Person.objects.select_related("user", "department", "manager__person").filter(pk=pk).first()
    )
    if person is None:
        raise not_found()
    return person


def delegation_for_view(user: Any, pk: int) -> Delegation:
    """Return a delegation; whether the user may change it is the service's call."""
    require_view(user)
    delegation = Delegation.objects.select_related("delegator", "deputy").filter(pk=pk).first()
    if delegation is None:
        raise not_found()
    return delegation
