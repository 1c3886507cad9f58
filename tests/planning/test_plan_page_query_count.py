"""The plan page costs the same number of queries however many tasks the plan has."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.planning import services
from tests.personas import Org
from tests.planning.helpers import collaboration, ready_plan


def _queries(collab, org: Org) -> int:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(org.alice)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/collaborations/{collab.number}/plan/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add_tasks(org: Org, collab, count: int) -> None:  # type: ignore[no-untyped-def]
    parent = None
    for i in range(count):
        task = services.plan_item_save(
            actor=org.alice,
            collaboration=collab,
            section="wbs",
            data={"title": f"任务{i}", "parent": parent, "owner_department": org.rnd.pk},
        )
        services.raci_set(
            actor=org.alice,
            collaboration=collab,
            row="wbs",
            row_id=task.pk,
            letter="R",
            department_id=org.rnd.pk,
        )
        parent = task.pk if i % 2 == 0 else None


def test_it_does_not_grow_with_the_number_of_wbs_items(org: Org) -> None:
    collab = collaboration(org)
    ready_plan(org, collab)
    _add_tasks(org, collab, 2)
    few = _queries(collab, org)
    _add_tasks(org, collab, 12)
    many = _queries(collab, org)
    assert many == few
