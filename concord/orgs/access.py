"""Who may see and do what in the organization (rules predicates)."""

from typing import Any

import rules


@rules.predicate
def is_pmo(user: Any) -> bool:
    person = getattr(user, "person", None) if user.is_authenticated else None
    return bool(person and person.is_pmo) or bool(getattr(user, "is_superuser", False))


@rules.predicate
def is_employee(user: Any) -> bool:
    return bool(user.is_authenticated and hasattr(user, "person"))


rules.add_perm("orgs.view_org", is_employee | is_pmo)
rules.add_perm("orgs.manage_org", is_pmo)
rules.add_perm("orgs.manage_calendar", is_pmo)
