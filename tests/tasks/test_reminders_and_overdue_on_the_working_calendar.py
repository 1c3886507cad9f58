"""The owner is reminded one working day before the due date (a task due right after a
holiday: the last working day before it); an overdue task warns the owner, the
department's contact and the lead; re-dating re-arms, finishing cancels."""

from datetime import date

from concord.notifications.models import Notification
from concord.tasks import services
from concord.tasks.models import Status
from concord.timers.sweep import sweep
from tests.tasks.helpers import task


def _told(kind):
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_a_task_due_after_national_day_is_reminded_on_the_last_working_day_before(org, proj, at):
    with at("2026-09-28 10:00"):
        task(org, proj, due_on=date(2026, 10, 8), start_on=None)
    with at("2026-09-29 18:00"):
        sweep()
    assert _told("tasks.reminder") == []
    with at("2026-09-30 09:01"):
        sweep()
    assert _told("tasks.reminder") == ["rob"]
    with at("2026-10-08 18:00"):
        sweep()
    assert _told("tasks.overdue") == []
    # Friday 9 October, the first working day after the due date.
    with at("2026-10-09 09:01"):
        sweep()
    assert _told("tasks.overdue") == ["cara", "leo", "rob"]


def test_a_re_dated_task_is_reminded_for_its_new_date(org, proj, at):
    with at("2026-07-01 10:00"):
        t = task(org, proj, due_on=date(2026, 7, 10))
        services.task_update(actor=proj.leo, task=t, due_on=date(2026, 7, 17))
    with at("2026-07-09 09:01"):
        sweep()
    assert _told("tasks.reminder") == []
    with at("2026-07-16 09:01"):
        sweep()
    assert _told("tasks.reminder") == ["rob"]


def test_a_done_task_is_neither_reminded_nor_overdue(org, proj, at):
    with at("2026-07-01 10:00"):
        t = task(org, proj, due_on=date(2026, 7, 10))
        services.task_move(actor=proj.rob, task=t, status=Status.DONE)
    with at("2026-07-14 10:00"):
        sweep()
    assert _told("tasks.reminder") == []
    assert _told("tasks.overdue") == []
