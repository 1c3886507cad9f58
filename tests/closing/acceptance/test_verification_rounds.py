"""Effect verification: feedback first; resolved; partial keeps a follow-up; unresolved restarts."""

from datetime import date

import pytest

from concord.closing.acceptance import services
from concord.closing.acceptance.models import Verification, VerificationState
from concord.closing.acceptance.selectors import verification_resolved
from concord.lib.errors import DomainError
from concord.tasks.models import Task
from tests.closing.helpers import all_feedback, problem


@pytest.fixture
def prob(org, at):
    with at("2026-07-01 10:00"):
        return problem(org)


def test_the_round_copies_the_problem_definition_and_waits_for_every_department(org, prob, at):
    with at("2026-07-01 11:00"):
        v = services.verification_start(actor=org.alice, collaboration=prob)
        assert (v.phenomenon, v.impact, v.root_cause) == (
            "数据提交延迟",
            "报表延误2天",
            "流程未明确截止时间",
        )
        assert v.feedback.count() == 2
        with pytest.raises(DomainError) as err:
            services.verification_decide(
                actor=org.alice, verification=v, outcome="resolved", observed="准时提交"
            )
        assert err.value.code == "conflict"
        assert "研发部" in str(err.value.message)
        all_feedback(org, v)
        services.verification_decide(
            actor=org.alice, verification=v, outcome="resolved", observed="准时提交"
        )
    assert verification_resolved(prob)


def test_unresolved_restarts_at_the_problem_definition_and_keeps_history(org, prob, at):
    with at("2026-07-01 11:00"):
        first = services.verification_start(actor=org.alice, collaboration=prob)
        all_feedback(org, first, rating="not_effective")
        services.verification_decide(
            actor=org.alice, verification=first, outcome="unresolved", observed="仍延迟"
        )
        second = Verification.objects.get(collaboration=prob, round=2)
        assert second.state == VerificationState.DEFINING
        assert not verification_resolved(prob)
        services.verification_redefine(
            actor=org.alice,
            verification=second,
            phenomenon="数据提交仍延迟1天",
            impact="报表延误1天",
            root_cause="系统无提醒",
        )
        all_feedback(org, second)
        services.verification_decide(
            actor=org.alice, verification=second, outcome="resolved", observed="准时"
        )
    first.refresh_from_db()
    assert first.outcome == "unresolved"
    assert first.root_cause == "流程未明确截止时间"
    assert first.feedback.filter(rating="not_effective").count() == 2
    assert verification_resolved(prob)


def test_partial_keeps_a_follow_up_task_with_owner_and_date(org, prob, at):
    with at("2026-07-01 11:00"):
        v = services.verification_start(actor=org.alice, collaboration=prob)
        all_feedback(org, v, rating="partly")
        with pytest.raises(DomainError) as err:
            services.verification_decide(
                actor=org.alice, verification=v, outcome="partial", observed="部分改善"
            )
        assert {"follow_up", "follow_up_owner", "follow_up_due"} <= set(err.value.details)
        services.verification_decide(
            actor=org.alice,
            verification=v,
            outcome="partial",
            observed="部分改善",
            follow_up="上线自动提醒",
            follow_up_owner=org.rita,
            follow_up_due=date(2026, 7, 20),
        )
    v.refresh_from_db()
    task = Task.objects.get(pk=v.follow_up_task_id)
    assert task.owner == org.rita
    assert task.due_on == date(2026, 7, 20)
    assert task.source == v
    assert not verification_resolved(prob)


def test_only_problem_collaborations_are_verified_and_only_by_their_managers(org, prob, at):
    from tests.collaborations.helpers import established

    with at("2026-07-01 11:00"):
        with pytest.raises(DomainError) as err:
            services.verification_start(actor=org.rita, collaboration=prob)
        assert err.value.code == "forbidden"
        v = services.verification_start(actor=org.alice, collaboration=prob)
        with pytest.raises(DomainError) as err:
            services.verification_feedback(
                actor=org.oscar, verification=v, department=org.rnd, rating="effective", text="x"
            )
        assert err.value.code == "forbidden"
        project = established(org, name="另一个项目")
        with pytest.raises(DomainError) as err:
            services.verification_start(actor=org.alice, collaboration=project)
        assert err.value.code == "conflict"
