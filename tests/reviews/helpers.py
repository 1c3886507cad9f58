"""Reviews made the way users make them: through the services.

`reviewed_project(org)` is the tasks helpers' project (lead leo, rob and
cara in 研发部) with a plan in effect that has one milestone, 需求确认
(due 2026-07-10, deliverable 需求文档), and a task T-001 owned by rob
linked to it. Built on Wednesday 2026-07-01.
"""

from datetime import date
from typing import Any

import time_machine

from concord.closing.reviews import services
from concord.closing.reviews.models import MilestoneReview
from concord.planning import services as plan_services
from concord.planning.models import Milestone, PlanVersion
from concord.tasks import services as task_services
from tests.personas import Org
from tests.planning.helpers import ready_plan, sign
from tests.tasks.helpers import Project, project

MILESTONE_DAY = date(2026, 7, 10)


def reviewed_project(org: Org) -> Project:
    with time_machine.travel("2026-07-01 10:00 +0800", tick=False):
        p = project(org)
        ready_plan(org, p.collab, who="pam")
        plan_services.plan_item_save(
            actor=org.pam,
            collaboration=p.collab,
            section="milestones",
            data={"name": "需求确认", "due_on": MILESTONE_DAY, "deliverable": "需求文档"},
        )
        plan_services.plan_submit_for_signoff(actor=org.pam, collaboration=p.collab)
        sign(p.collab, org.mark)
        sign(p.collab, org.rita)
        p.collab.refresh_from_db()
        task_services.task_create(
            actor=p.leo,
            collaboration=p.collab,
            title="需求调研",
            owner=p.rob,
            department=org.rnd,
            due_on=date(2026, 7, 8),
            milestone=milestone(p),
        )
    return p


def milestone(p: Project) -> Milestone:
    version = PlanVersion.objects.get(plan__collaboration=p.collab, state="effective")
    return version.milestones.get(name="需求确认")


def due_review(org: Org, p: Project) -> MilestoneReview:
    """Start the milestone's review by hand (as leo) on 2026-07-02."""
    with time_machine.travel("2026-07-02 10:00 +0800", tick=False):
        return services.milestone_review_start(
            actor=p.leo, collaboration=p.collab, milestone=milestone(p)
        )


def actor(org: Org, p: Project, who: str) -> Any:
    return getattr(p, who, None) or getattr(org, who)
