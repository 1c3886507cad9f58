"""Permission matrix for every organization write, called through the services."""

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from concord.lib.errors import DomainError
from concord.orgs import services
from tests.personas import Org

WRITES: dict[str, Any] = {
    "department_create": lambda o, a: services.department_create(
        actor=a, name="新部门", code="new"
    ),
    "department_update": lambda o, a: services.department_update(
        actor=a, department=o.legal, name="法律事务部"
    ),
    "department_set_head": lambda o, a: services.department_set_head(
        actor=a, department=o.legal, head=o.oscar
    ),
    "person_create": lambda o, a: services.person_create(
        actor=a, username="newbie", name="新人", employee_no="E-9", department=o.legal
    ),
    "person_update": lambda o, a: services.person_update(
        actor=a, person=o.oscar.person, title="律师"
    ),
    "person_deactivate": lambda o, a: services.person_deactivate(actor=a, person=o.oscar.person),
    "delegation_create_for_mark": lambda o, a: services.delegation_create(
        actor=a,
        delegator=o.mark,
        deputy=o.rita,
        starts_on=date(2027, 1, 4),
        ends_on=date(2027, 1, 8),
    ),
}

# Who may: pam (PMO) everything; mark only his own delegation.
ALLOWED = {
    "alice": set(),
    "mark": {"delegation_create_for_mark"},
    "pam": set(WRITES),
    "oscar": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("who", sorted(ALLOWED))
@pytest.mark.parametrize("write", sorted(WRITES))
def test_permission_matrix(org: Org, who: str, write: str) -> None:
    actor = AnonymousUser() if who == "anonymous" else getattr(org, who)
    if write in ALLOWED[who]:
        WRITES[write](org, actor)
    else:
        with pytest.raises(DomainError) as exc:
            WRITES[write](org, actor)
        assert exc.value.code == "forbidden"


@pytest.mark.parametrize(("who", "allowed"), [("mark", True), ("pam", True), ("alice", False)])
def test_revoking_a_delegation(org: Org, who: str, allowed: bool) -> None:
    d = services.delegation_create(
        actor=org.mark,
        delegator=org.mark,
        deputy=org.rita,
        starts_on=date(2027, 1, 4),
        ends_on=date(2027, 1, 8),
    )
    if allowed:
        services.delegation_revoke(actor=getattr(org, who), delegation=d)
    else:
        with pytest.raises(DomainError):
            services.delegation_revoke(actor=getattr(org, who), delegation=d)
