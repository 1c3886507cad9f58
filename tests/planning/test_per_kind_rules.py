"""Per kind: the problem plan must pass the SMART check; a coordination plan needs no sign-off."""

from datetime import date

import pytest
from django.utils import translation

from concord.collaborations.inputs import DatedRow
from concord.lib.errors import DomainError
from concord.planning import services
from concord.planning.models import PlanVersion
from tests.personas import Org
from tests.planning.helpers import collaboration


def test_the_smart_check_names_each_goal_without_a_measure_or_date(org: Org) -> None:
    collab = collaboration(
        org, kind="problem", root_cause="口径不统一", phenomenon="延迟", impact="延误 3 天"
    )
    services.plan_draft(actor=org.alice, collaboration=collab)
    services.plan_item_save(
        actor=org.alice, collaboration=collab, section="goals", data={"text": "提报准时"}
    )
    with translation.override("en"), pytest.raises(DomainError) as refused:
        services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    goals = refused.value.details["goals"]
    assert "Goal “提报准时” has no measure." in goals
    assert "Goal “提报准时” has no target date." in goals
    assert any("needs an owner" in m or "into tasks" in m for m in refused.value.details["wbs"])


def test_a_coordination_plan_takes_effect_without_sign_off_by_default(org: Org) -> None:
    collab = collaboration(
        org,
        kind="coordination",
        prior_communication="已口头沟通",
        core_problems=[DatedRow("产品参数说明书定稿", date(2026, 8, 10))],
    )
    services.plan_draft(actor=org.alice, collaboration=collab)
    services.plan_update(actor=org.alice, collaboration=collab, data={"outcome": "8月10日定稿"})
    task = PlanVersion.objects.get().wbs.get()
    for letter, dept in (("A", org.market), ("R", org.rnd)):
        services.raci_set(
            actor=org.alice,
            collaboration=collab,
            row="wbs",
            row_id=task.pk,
            letter=letter,
            department_id=dept.pk,
        )
    version = services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    assert version.state == "effective"


def test_a_coordination_plan_needs_sign_off_when_configured(org: Org, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CONCORD_COORDINATION_PLAN_SIGNOFF = True
    collab = collaboration(
        org,
        kind="coordination",
        prior_communication="已口头沟通",
        core_problems=[DatedRow("定稿", date(2026, 8, 10))],
    )
    services.plan_draft(actor=org.alice, collaboration=collab)
    services.plan_update(actor=org.alice, collaboration=collab, data={"outcome": "定稿"})
    task = PlanVersion.objects.get().wbs.get()
    for letter, dept in (("A", org.market), ("R", org.rnd)):
        services.raci_set(
            actor=org.alice,
            collaboration=collab,
            row="wbs",
            row_id=task.pk,
            letter=letter,
            department_id=dept.pk,
        )
    assert services.plan_submit_for_signoff(actor=org.alice, collaboration=collab).state == (
        "in_signoff"
    )
