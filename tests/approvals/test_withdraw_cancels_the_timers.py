"""Withdrawing a flow (from the subject's withdraw service) cancels its timers and calls no hook."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction

from concord.activity.models import Event
from concord.approvals.models import FlowState, StepState
from concord.approvals.selectors import waiting_for
from concord.approvals.services import flow_decide, flow_withdraw
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.timers.sweep import sweep
from tests.approvals.conftest import HookLog, chain_for, pending_timers, start
from tests.personas import Org

TZ = ZoneInfo("Asia/Shanghai")


def test_it_cancels_timers_and_calls_no_hook(org: Org, hook_log: HookLog) -> None:
    with time_machine.travel(datetime(2026, 9, 30, 15, 0, tzinfo=TZ), tick=False) as traveller:
        flow = start(org, chain_for(org, importance="important"))
        first = flow.steps.get(position=1)
        with transaction.atomic():
            flow = flow_withdraw(actor=org.alice, flow=flow)
        assert flow.state == FlowState.WITHDRAWN
        assert pending_timers(first) == []
        assert [s.state for s in flow.steps.all()] == [StepState.CANCELLED] * 2
        traveller.move_to(datetime(2026, 10, 20, 15, 0, tzinfo=TZ))
        sweep()
    assert not Notification.objects.filter(kind="approvals.reminder").exists()
    assert hook_log.calls == []
    assert Event.objects.filter(verb="approval.withdrawn", actor=org.alice).count() == 1
    assert list(waiting_for(org.mark)) == []


def test_a_withdrawn_flow_cannot_be_decided(org: Org) -> None:
    flow = start(org, chain_for(org))
    with transaction.atomic():
        flow_withdraw(actor=org.alice, flow=flow)
    with pytest.raises(DomainError) as exc:
        flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert exc.value.code == "conflict"


def test_a_finished_flow_cannot_be_withdrawn(org: Org) -> None:
    flow = start(org, chain_for(org))
    flow_decide(actor=org.mark, flow=flow, decision="approve")
    with pytest.raises(DomainError) as exc, transaction.atomic():
        flow_withdraw(actor=org.alice, flow=flow)
    assert exc.value.code == "conflict"


@pytest.mark.django_db(transaction=True)
def test_it_must_run_inside_the_subjects_transaction(org: Org) -> None:
    flow = start(org, chain_for(org))
    with pytest.raises(RuntimeError):
        flow_withdraw(actor=org.alice, flow=flow)
