"""The permission matrix: who chooses the group, who submits, who judges, who sees."""

import pytest
from django.test import Client

from concord.closing.acceptance import services
from concord.collaborations.access import collaboration_for
from concord.lib.errors import DomainError
from tests.closing.helpers import submit


def _code(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except DomainError as exc:
        return exc.code
    return "ok"


@pytest.mark.parametrize(
    ("who", "expected"),
    [("alice", "ok"), ("mark", "ok"), ("rita", "forbidden"), ("leo", "forbidden")],
)
def test_the_initiator_or_the_initiating_head_chooses_the_group(org, acc, at, who, expected):
    actor = getattr(acc, who, None) or getattr(org, who)
    with at("2026-07-01 11:00"):
        got = _code(
            services.acceptance_group_set,
            actor=actor,
            collaboration=acc.collab,
            lead=org.dora,
            members=[org.rita],
            mode="all",
        )
    assert got == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [("mark", "ok"), ("rita", "forbidden"), ("rob", "forbidden"), ("leo", "forbidden")],
)
def test_the_responsible_department_submits(org, acc, at, who, expected):
    with at("2026-07-01 11:00"):
        assert _code(submit, org, acc, who=who) == expected


def test_a_task_owner_producing_the_deliverable_may_submit_it(org, acc, at):
    from datetime import date

    from tests.tasks.helpers import task

    with at("2026-07-01 11:00"):
        task(
            org,
            acc,
            who="leo",
            title="编写推广方案",
            owner=org.alice,
            department=org.market,
            deliverable="推广方案",
            due_on=date(2026, 7, 10),
        )
        assert _code(submit, org, acc, who="alice") == "ok"


def test_the_group_sees_the_collaboration_and_outsiders_do_not(org, at):
    from tests.closing.helpers import accepting

    with at("2026-07-01 10:00"):
        p = accepting(org, members=("dora",))
        assert collaboration_for(org.dora, p.collab.number) == p.collab
        client = Client()
        client.force_login(org.oscar)
        response = client.get(f"/collaborations/{p.collab.number}/acceptance/")
    assert response.status_code == 404


def test_the_group_stays_while_a_round_is_judged(org, acc, at):
    with at("2026-07-01 11:00"):
        submit(org, acc)
        got = _code(
            services.acceptance_group_set,
            actor=org.alice,
            collaboration=acc.collab,
            lead=org.dora,
            members=[],
            mode="lead",
        )
    assert got == "conflict"
