"""The acceptance list and the verification page cost the same queries for few or many rows."""

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.closing.acceptance import services
from concord.closing.acceptance.models import Verdict
from concord.closing.acceptance.selectors import rows_of
from concord.planning import services as planning
from tests.closing.helpers import all_feedback, problem
from tests.planning.helpers import ready_plan, sign


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _plan_with(org, collab, extra: int) -> None:
    ready_plan(org, collab)
    for i in range(extra):
        row = planning.plan_item_save(
            actor=org.alice,
            collaboration=collab,
            section="deliverables",
            data={"name": f"成果{i}", "owner_department": org.market.pk, "standard": "完整;准确"},
        )
        for letter, dept in (("A", org.market), ("R", org.rnd)):
            planning.raci_set(
                actor=org.alice,
                collaboration=collab,
                row="deliverable",
                row_id=row.pk,
                letter=letter,
                department_id=dept.pk,
            )
    planning.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark)
    sign(collab, org.rita)


def _acceptance_queries(org, at, name: str, extra: int) -> int:
    """A collaboration with 1 + extra deliverables, each submitted; all but one judged."""
    from tests.collaborations.helpers import established

    with at("2026-07-01 10:00"):
        collab = established(org, name=name)
        _plan_with(org, collab, extra)
        services.acceptance_group_set(
            actor=org.alice, collaboration=collab, lead=org.rita, members=[org.dora], mode="lead"
        )
        for index, row in enumerate(rows_of(collab)):
            lines = services.standards_of(row.standard, row.name)
            sub = services.acceptance_submit(
                actor=org.mark,
                collaboration=collab,
                deliverable_key=row.key,
                answers=[services.CheckAnswer("met") for _ in lines],
            )
            if index:
                verdict = Verdict.PASS if index % 2 else Verdict.FAIL
                services.acceptance_judge(
                    actor=org.rita, submission=sub, verdict=verdict, note="意见"
                )
        return _queries(org.mark, f"/collaborations/{collab.number}/acceptance/")


def test_the_acceptance_list_does_not_grow_with_the_deliverables(org, at):
    few = _acceptance_queries(org, at, "少", 1)
    many = _acceptance_queries(org, at, "多", 6)
    assert many == few


def test_the_verification_page_does_not_grow_with_the_rounds(org, at):
    with at("2026-07-01 10:00"):
        prob = problem(org)
        v = services.verification_start(actor=org.alice, collaboration=prob)
        all_feedback(org, v)
        url = f"/collaborations/{prob.number}/verification/"
        services.verification_decide(
            actor=org.alice, verification=v, outcome="unresolved", observed="仍延迟"
        )
        one = _queries(org.alice, url)
        for _i in range(2):
            nxt = prob.verifications.order_by("-round").first()
            services.verification_redefine(
                actor=org.alice, verification=nxt, phenomenon="a", impact="b", root_cause="c"
            )
            all_feedback(org, nxt)
            services.verification_decide(
                actor=org.alice, verification=nxt, outcome="unresolved", observed="仍延迟"
            )
        three = _queries(org.alice, url)
    assert three == one
