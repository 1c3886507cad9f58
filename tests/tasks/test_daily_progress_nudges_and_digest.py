"""Owners post progress; owners of active tasks without an update by the nudge time of a
working day are nudged where enabled (by default: a daily stand-up in the communication
plan); the lead gets the day's digest."""

from datetime import date

import pytest

from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from concord.tasks import selectors, services
from concord.tasks.models import Status
from concord.timers.sweep import sweep
from tests.tasks.helpers import task


def _count(kind, user):
    return Notification.objects.filter(kind=kind, recipient=user).count()


def _started(org, proj, **kw):
    t = task(org, proj, **kw)
    return services.task_move(actor=proj.rob, task=t, status=Status.IN_PROGRESS)


def test_it_records_progress_and_refuses_strangers(org, proj, at):
    with at("2026-07-02 10:00"):
        t = _started(org, proj)
        update = services.progress_post(
            actor=proj.rob, task=t, text="完成登录接口", percent_done=40
        )
        with pytest.raises(DomainError) as exc:
            services.progress_post(actor=org.oscar, task=t, text="x")
        assert exc.value.code == "forbidden"
    t.refresh_from_db()
    assert t.percent_done == 40
    assert t.last_progress_at == update.created_at


def test_nudges_are_off_without_a_stand_up_and_on_when_switched_on(org, proj, at):
    with at("2026-07-02 10:00"):
        t = _started(org, proj)
    with at("2026-07-02 17:01"):
        sweep()
    assert _count("tasks.nudge", proj.rob) == 0
    with at("2026-07-03 10:00"):
        services.task_settings_set(actor=proj.leo, collaboration=proj.collab, nudge_enabled=True)
    with at("2026-07-03 17:01"):
        sweep()
    assert _count("tasks.nudge", proj.rob) == 1
    # Saturday: no working day, no nudge; Monday the owner posts first and is left alone.
    with at("2026-07-04 17:01"):
        sweep()
    with at("2026-07-06 16:00"):
        services.progress_post(actor=proj.rob, task=t, text="联调中")
    with at("2026-07-06 17:01"):
        sweep()
    assert _count("tasks.nudge", proj.rob) == 1


def test_nudges_are_on_by_default_where_the_plan_has_a_daily_stand_up(org, proj, at):
    from concord.communication.models import Channel, CommItem, CommPlan

    plan, _ = CommPlan.objects.get_or_create(collaboration=proj.collab)
    CommItem.objects.create(plan=plan, topic="站会", channel=Channel.MEETING, origin="standup")
    with at("2026-07-02 10:00"):
        _started(org, proj)
    with at("2026-07-02 17:01"):
        sweep()
    assert _count("tasks.nudge", proj.rob) == 1


def test_the_lead_gets_the_digest_of_the_day(org, proj, at):
    with at("2026-07-02 10:00"):
        t = _started(org, proj)
        _started(org, proj, title="文档")
        services.progress_post(actor=proj.rob, task=t, text="完成50%", percent_done=50)
        digest = selectors.progress_digest(proj.collab, date(2026, 7, 2))
    assert [u.text for u in digest.updates] == ["完成50%"]
    assert [s.title for s in digest.silent] == ["文档"]
    with at("2026-07-02 18:01"):
        sweep()
    assert _count("tasks.digest", proj.leo) == 1
