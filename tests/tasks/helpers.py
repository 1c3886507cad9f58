"""Tasks made the way users make them: through the services.

`project(org)` is alice's established collaboration with 市场部 (initiating)
and 研发部 taking part, a project lead `leo` (市场部), and in 研发部 a staff
member `rob` (who owns its tasks) and its contact `cara` (对接人).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from concord.collaborations import services as collab_services
from concord.collaborations import team_services
from concord.collaborations.models import Collaboration, ParticipatingDepartment
from concord.orgs import services as org_services
from concord.tasks import services
from concord.tasks.models import Task
from tests.collaborations.helpers import established
from tests.personas import PASSWORD, Org


@dataclass
class Project:
    collab: Collaboration
    leo: Any
    rob: Any
    cara: Any


def _person(username: str, name: str, dept: Any, manager: Any) -> Any:
    return org_services.person_create(
        actor=None,
        username=username,
        name=name,
        employee_no=f"E-{username}",
        department=dept,
        email=f"{username}@example.com",
        password=PASSWORD,
        manager=manager,
    ).user


def project(org: Org, *, with_plan: bool = False) -> Project:
    """Return the project; with an effective plan (built by alice before a lead is named)."""
    collab = established(org)
    if with_plan:
        from tests.planning.helpers import effective

        effective(org, collab)
    leo = _person("leo", "李项目", org.market, org.mark)
    rob = _person("rob", "罗工", org.rnd, org.rita)
    cara = _person("cara", "蔡对接", org.rnd, org.rita)
    if not ParticipatingDepartment.objects.filter(collaboration=collab, department=org.rnd):
        team_services.department_add(actor=org.alice, collaboration=collab, department=org.rnd)
    team_services.team_set_lead(actor=org.alice, collaboration=collab, user=leo)
    collab_services.contact_nominate(
        actor=org.rita, collaboration=collab, department=org.rnd, person=cara
    )
    # Owners see the collaboration as team members (a task alone does not make them one).
    team_services.member_add(actor=org.alice, collaboration=collab, user=rob)
    collab.refresh_from_db()
    return Project(collab, leo, rob, cara)


def task(org: Org, p: Project, who: str = "leo", **overrides: Any) -> Task:
    """Create an R&D task owned by rob, due 2026-07-15 (unless overridden)."""
    values: dict[str, Any] = {
        "title": "接口开发",
        "owner": p.rob,
        "department": org.rnd,
        "due_on": date(2026, 7, 15),
        "start_on": date(2026, 7, 1),
    }
    values.update(overrides)
    actor = getattr(p, who, None) or getattr(org, who)
    return services.task_create(actor=actor, collaboration=p.collab, **values)


def actor(org: Org, p: Project, who: str) -> Any:
    return getattr(p, who, None) or getattr(org, who)
