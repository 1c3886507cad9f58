"""The daily check finds a milestone whose date passed (or whose tasks are all done)."""

from typing import Any

from concord.closing.reviews import services
from concord.closing.reviews.models import MilestoneReview, Trigger
from concord.notifications.models import Notification
from concord.tasks import services as task_services
from concord.tasks.models import Task
from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.tasks.helpers import Project


def test_the_plan_in_effect_arms_the_daily_check(org: Org, proj: Project) -> None:
    assert Timer.objects.filter(kind=services.CHECK_TIMER, state="pending").count() == 1


def test_nothing_is_due_before_the_date(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-09 10:00"):
        assert services.milestone_reviews_check(collaboration=proj.collab) == []


def test_the_day_after_the_date_the_review_is_due_and_the_lead_told(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-13 10:00"):  # Monday after Friday 2026-07-10
        sweep()
    review = MilestoneReview.objects.get()
    assert review.trigger == Trigger.DATE_PASSED
    assert Notification.objects.filter(recipient=proj.leo, kind="reviews.review_due").exists()
    # Idempotent: a second check creates nothing.
    with at("2026-07-14 10:00"):
        assert services.milestone_reviews_check(collaboration=proj.collab) == []
    assert MilestoneReview.objects.count() == 1


def test_reaching_the_milestone_makes_it_due_before_its_date(
    org: Org, proj: Project, at: Any
) -> None:
    task = Task.objects.get(collaboration=proj.collab)
    with at("2026-07-03 10:00"):
        task_services.task_move(actor=proj.leo, task=task, status="in_progress")
        task_services.task_move(actor=proj.leo, task=task, status="done")
    with at("2026-07-06 10:00"):
        created = services.milestone_reviews_check(collaboration=proj.collab)
    assert [r.trigger for r in created] == [Trigger.REACHED]


def test_the_lead_is_reminded_until_the_report_is_published(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-13 10:00"):
        sweep()
    for day in ("2026-07-15 11:00", "2026-07-17 11:00", "2026-07-21 11:00", "2026-07-30 11:00"):
        with at(day):
            sweep()
    reminders = Notification.objects.filter(recipient=proj.leo, kind="reviews.review_reminder")
    assert reminders.count() == services.MAX_REMINDERS
