"""Deadlines on the working calendar: overdue verdicts, rework reminders, moot timers."""

from datetime import date

from concord.closing.acceptance import services
from concord.closing.acceptance.models import Verdict
from concord.notifications.models import Notification
from concord.timers.sweep import sweep
from tests.closing.helpers import judge, problem, submit


def _told(kind):
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_an_unjudged_round_warns_the_group_lead_and_project_lead_after_its_working_days(
    org, acc, at
):
    # Friday 3 July: three working days later is Wednesday 8 July.
    with at("2026-07-03 10:00"):
        sub = submit(org, acc)
    assert sub.judging_due == date(2026, 7, 8)
    with at("2026-07-08 18:00"):
        sweep()
    assert _told("acceptance.judging_overdue") == []
    with at("2026-07-09 09:01"):
        sweep()
    assert _told("acceptance.judging_overdue") == ["leo"]


def test_rework_is_reminded_the_working_day_before_and_warned_after(org, acc, at):
    with at("2026-07-01 10:00"):
        sub = submit(org, acc)
        # Monday 13 July: reminded on Friday 10 July.
        judge(sub, acc.leo, Verdict.REWORK, "补充预算明细", rework_due=date(2026, 7, 13))
    with at("2026-07-09 18:00"):
        sweep()
    assert _told("acceptance.rework_remind") == []
    with at("2026-07-10 09:01"):
        sweep()
    assert "mark" in _told("acceptance.rework_remind")
    with at("2026-07-14 09:01"):
        sweep()
    told = _told("acceptance.rework_overdue")
    assert "mark" in told
    assert "leo" in told


def test_resubmitting_makes_the_rework_timers_moot(org, acc, at):
    with at("2026-07-01 10:00"):
        sub = submit(org, acc)
        judge(sub, acc.leo, Verdict.REWORK, "补充预算明细", rework_due=date(2026, 7, 13))
    with at("2026-07-02 10:00"):
        again = submit(org, acc)
        judge(again, acc.leo, Verdict.PASS)
    with at("2026-07-15 09:01"):
        sweep()
    assert _told("acceptance.rework_remind") == []
    assert _told("acceptance.rework_overdue") == []
    assert _told("acceptance.judging_overdue") == []


def test_departments_that_have_not_answered_are_reminded(org, at):
    with at("2026-07-01 10:00"):
        prob = problem(org)
        v = services.verification_start(actor=org.alice, collaboration=prob)
        services.verification_feedback(
            actor=org.mark, verification=v, department=org.market, rating="effective", text="好"
        )
    with at("2026-07-03 10:01"):
        sweep()
    assert _told("acceptance.feedback_remind") == ["rita"]
