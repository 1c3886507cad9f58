"""The first draft is built from the request's data, so nothing is typed twice."""

from datetime import date
from decimal import Decimal

from concord.collaborations.inputs import DatedRow
from concord.planning import services
from tests.personas import Org
from tests.planning.helpers import collaboration


def test_it_carries_over_goals_dates_budget_key_dates_and_resources(org: Org) -> None:
    collab = collaboration(org, goals="9月1日启动推广\n首月销量 1 万台")
    version = services.plan_draft(actor=org.alice, collaboration=collab)
    assert [g.text for g in version.goals.all()] == ["9月1日启动推广", "首月销量 1 万台"]
    assert (version.starts_on, version.ends_on) == (date(2026, 8, 1), date(2026, 12, 31))
    assert version.budget == Decimal("200000.00")
    assert [(m.name, m.due_on) for m in version.milestones.all()] == [("上线", date(2026, 9, 1))]
    assert {r.amount for r in version.resources.all()} == {"6", "200000.00", "展台一套"}
    assert version.created_by == org.alice
    assert version.number == 1


def test_a_problem_plan_starts_from_the_suspected_root_cause(org: Org) -> None:
    collab = collaboration(
        org, kind="problem", phenomenon="数据提报延迟", root_cause="口径不统一", impact="延误 3 天"
    )
    version = services.plan_draft(actor=org.alice, collaboration=collab)
    assert version.root_cause == "口径不统一"
    assert "数据提报延迟" in version.scope_in


def test_a_coordination_plan_lists_the_core_problems_with_their_due_dates(org: Org) -> None:
    collab = collaboration(
        org,
        kind="coordination",
        prior_communication="已口头沟通",
        core_problems=[DatedRow("产品参数说明书定稿", date(2026, 8, 10))],
    )
    version = services.plan_draft(actor=org.alice, collaboration=collab)
    assert [(w.title, w.ends_on) for w in version.wbs.all()] == [
        ("产品参数说明书定稿", date(2026, 8, 10))
    ]
