"""A review is written, its measures become tasks once, an adjustment opens a change
notice linked back to it, and publishing freezes it and indexes it."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from concord.activity.models import Event
from concord.changes.models import ChangeNotice
from concord.closing.reviews import services
from concord.closing.reviews.models import Cause, ReviewState
from concord.knowledge.models import SearchEntry
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.tasks.models import Task
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import due_review


def test_a_measure_becomes_one_task_linked_back(org: Org, proj: Project, at: Any) -> None:
    review = due_review(org, proj)
    with at("2026-07-02 11:00"):
        measure = services.measure_add(
            actor=proj.leo,
            parent=review,
            text="下阶段需求变更需提前3天评估影响",
            owner=proj.rob,
            due_on=date(2026, 7, 20),
        )
    task = Task.objects.get(pk=measure.task_id)
    assert task.source == measure
    assert task.owner == proj.rob
    assert Task.objects.filter(source_id=measure.pk).count() == 1


def test_a_cause_outside_the_list_is_refused(org: Org, proj: Project, at: Any) -> None:
    review = due_review(org, proj)
    with pytest.raises(DomainError) as exc:
        services.deviation_add(actor=proj.leo, review=review, cause="weather", description="x")
    assert exc.value.code == "invalid"


def test_a_plan_adjustment_goes_through_a_change_notice(org: Org, proj: Project, at: Any) -> None:
    review = due_review(org, proj)
    with at("2026-07-02 11:00"):
        notice = services.review_adjustment_open(
            actor=proj.leo,
            review=review,
            title="上线推迟一周",
            what="上线日期由9月1日调整为9月8日",
            why="测试资源不足",
            effective_on=date(2026, 7, 10),
        )
    assert notice.source == review
    assert notice.category == "plan"
    assert ChangeNotice.objects.filter(source_id=review.pk, title="上线推迟一周").count() == 1


def test_publishing_freezes_indexes_and_tells_the_stakeholders(
    org: Org, proj: Project, at: Any
) -> None:
    review = due_review(org, proj)
    with at("2026-07-13 10:00"):
        with pytest.raises(DomainError):  # no summary yet
            services.milestone_review_publish(actor=proj.leo, review=review)
        services.milestone_review_update(
            actor=proj.leo,
            review=review,
            summary="需求文档按期交付,预算节余",
            budget_planned=Decimal("100000"),
            budget_actual=Decimal("80000"),
        )
        services.deviation_add(
            actor=proj.rob,
            review=review,
            cause=Cause.RESOURCE_SHORTAGE,
            description="测试人员被抽调",
            item="T-001",
        )
        published = services.milestone_review_publish(actor=proj.leo, review=review)
    assert published.state == ReviewState.PUBLISHED
    assert published.comparison[0]["kind"] == "milestone"
    entry = SearchEntry.objects.get(kind="review")
    assert "预算" in entry.body
    assert Notification.objects.filter(recipient=org.alice, kind="reviews.review_published")
    assert Event.objects.filter(verb="milestone_review.published").count() == 1
    with pytest.raises(DomainError) as exc:
        services.deviation_add(actor=proj.rob, review=review, cause="other", description="迟到")
    assert exc.value.code == "conflict"
