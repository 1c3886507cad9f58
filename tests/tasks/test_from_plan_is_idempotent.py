"""Tasks come from the effective plan's WBS without retyping; a second call adds nothing."""

import pytest

from concord.lib.errors import DomainError
from concord.planning.models import PlanVersion
from concord.tasks import services
from concord.tasks.models import Task


def test_it_builds_tasks_from_the_wbs_once(org, planned, at):
    proj = planned
    version = PlanVersion.objects.get(plan__collaboration=proj.collab, state="effective")
    with at("2026-07-02 10:00"):
        created = services.tasks_from_plan(actor=proj.leo, collaboration=proj.collab)
        again = services.tasks_from_plan(actor=proj.leo, collaboration=proj.collab)
    titles = [w.title for w in version.wbs.all()]
    assert [t.title for t in created] == titles
    assert again == []
    assert Task.objects.filter(collaboration=proj.collab).count() == len(titles)
    first = created[0]
    assert first.department == org.rnd
    assert first.wbs_item is not None


def test_it_needs_a_plan_in_effect(org, proj, at):
    with at("2026-07-02 10:00"), pytest.raises(DomainError) as exc:
        services.tasks_from_plan(actor=proj.leo, collaboration=proj.collab)
    assert exc.value.code == "conflict"


def test_it_needs_a_plan_manager(org, planned, at):
    with at("2026-07-02 10:00"), pytest.raises(DomainError) as exc:
        services.tasks_from_plan(actor=planned.rob, collaboration=planned.collab)
    assert exc.value.code == "forbidden"
