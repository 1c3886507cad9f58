"""An idle step reminds its approver after N working days, then tells the approver's superior.

Started on Wednesday 2026-09-30, the last working day before the National
Day holiday: one working day later is Thursday 2026-10-08, two is Friday
2026-10-09.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from concord.activity.models import Event
from concord.approvals.models import ApprovalRule
from concord.approvals.services import flow_decide
from concord.lib.workcal import add_working_days
from concord.notifications.models import Notification
from concord.timers.sweep import sweep
from tests.approvals.conftest import chain_for, pending_timers, start
from tests.personas import Org

TZ = ZoneInfo("Asia/Shanghai")
STARTED = datetime(2026, 9, 30, 15, 0, tzinfo=TZ)


def _sent(kind: str) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def test_the_reminder_and_the_escalation_follow_the_working_calendar(org: Org) -> None:
    assert add_working_days(STARTED, 1) == datetime(2026, 10, 8, 15, 0, tzinfo=TZ)
    with time_machine.travel(STARTED, tick=False) as traveller:
        start(org, chain_for(org))

        traveller.move_to(datetime(2026, 10, 8, 14, 59, tzinfo=TZ))
        sweep()
        assert _sent("approvals.reminder") == []

        traveller.move_to(datetime(2026, 10, 8, 15, 0, tzinfo=TZ))
        sweep()
        assert _sent("approvals.reminder") == ["mark"]
        assert _sent("approvals.escalated") == []
        reminded = Event.objects.get(verb="approval.reminded")
        assert reminded.actor is None

        traveller.move_to(datetime(2026, 10, 9, 15, 0, tzinfo=TZ))
        sweep()
        # mark's superior is his manager, the director.
        assert _sent("approvals.escalated") == ["dora"]
        assert Event.objects.filter(verb="approval.escalated", actor=None).count() == 1
        assert _sent("approvals.reminder") == ["mark"]  # each timer fires once


def test_the_rule_sets_how_many_working_days(org: Org) -> None:
    ApprovalRule.objects.update(remind_after_working_days=3, escalate_after_working_days=5)
    with time_machine.travel(STARTED, tick=False) as traveller:
        start(org, chain_for(org))
        traveller.move_to(datetime(2026, 10, 9, 15, 0, tzinfo=TZ))
        sweep()
        assert _sent("approvals.reminder") == []
        # 10-08 Thu, 10-09 Fri, 10-10 Sat is a make-up working day (调休).
        traveller.move_to(datetime(2026, 10, 10, 15, 0, tzinfo=TZ))
        sweep()
        assert _sent("approvals.reminder") == ["mark"]


def test_a_decided_step_neither_reminds_nor_escalates(org: Org) -> None:
    with time_machine.travel(STARTED, tick=False) as traveller:
        flow = start(org, chain_for(org))
        first = flow.steps.get()
        flow_decide(actor=org.mark, flow=flow, decision="approve")
        assert pending_timers(first) == []
        traveller.move_to(datetime(2026, 10, 12, 15, 0, tzinfo=TZ))
        sweep()
    assert _sent("approvals.reminder") == []
    assert _sent("approvals.escalated") == []


def test_a_moot_timer_does_nothing(org: Org) -> None:
    """A timer that fires after its step finished (the sweep had claimed it) has no effect."""
    from concord.approvals.timers import remind
    from concord.timers.models import Timer

    with time_machine.travel(STARTED, tick=False):
        flow = start(org, chain_for(org))
        step = flow.steps.get()
        timer = Timer.objects.get(kind="approvals.remind", subject_id=step.pk)
        flow_decide(actor=org.mark, flow=flow, decision="approve")
        remind(timer)
    assert _sent("approvals.reminder") == []
    assert not Event.objects.filter(verb="approval.reminded").exists()
