"""People and collaborations the team tests share."""

from typing import Any

from concord.orgs import services as org_services
from concord.orgs.models import Department


def employee(department: Department, username: str, name: str = "新同事") -> Any:
    return org_services.person_create(
        actor=None,
        username=username,
        name=name,
        employee_no=f"E-{username}",
        department=department,
        email=f"{username}@example.com",
        password="x-Passw0rd-1",
    ).user
