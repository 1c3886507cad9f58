"""Who may move a task: its owner; the lead, the initiator and the PMO any task; the
contact and the head of the task's department; nobody else."""

import pytest

from concord.lib.errors import DomainError
from concord.tasks import services
from concord.tasks.models import Status
from tests.tasks.helpers import actor, task

ALLOWED = {
    "rob": True,  # owner
    "leo": True,  # project lead
    "alice": True,  # initiator
    "pam": True,  # PMO
    "rita": True,  # head of 研发部, the task's department
    "cara": True,  # 研发部's contact (对接人)
    "mark": False,  # head of another department
    "dora": False,  # director, not on the team
    "oscar": False,  # outsider
}


@pytest.mark.parametrize(("who", "allowed"), sorted(ALLOWED.items()))
def test_it_lets_only_the_right_people_move_a_task(org, proj, at, who, allowed):
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        person = actor(org, proj, who)
        if allowed:
            moved = services.task_move(actor=person, task=t, status=Status.IN_PROGRESS)
            assert moved.status == Status.IN_PROGRESS
        else:
            with pytest.raises(DomainError) as exc:
                services.task_move(actor=person, task=t, status=Status.IN_PROGRESS)
            assert exc.value.code == "forbidden"
            t.refresh_from_db()
            assert t.status == Status.NOT_STARTED


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("leo", True), ("cara", True), ("rita", True), ("rob", False), ("mark", False)],
)
def test_it_lets_only_managers_and_the_department_re_date_a_task(org, proj, at, who, allowed):
    """The owner may edit the description but not move the due date."""
    from datetime import date

    with at("2026-07-02 10:00"):
        t = task(org, proj)
        person = actor(org, proj, who)
        if allowed:
            services.task_update(actor=person, task=t, due_on=date(2026, 7, 20))
        else:
            with pytest.raises(DomainError) as exc:
                services.task_update(actor=person, task=t, due_on=date(2026, 7, 20))
            assert exc.value.code == "forbidden"
        services.task_update(actor=proj.rob, task=t, description="先做登录")


def test_it_records_one_event_per_move(org, proj, at):
    from concord.activity.models import Event

    with at("2026-07-02 10:00"):
        t = task(org, proj)
        before = Event.objects.count()
        services.task_move(actor=proj.rob, task=t, status=Status.IN_PROGRESS)
    assert Event.objects.count() == before + 1
    event = Event.objects.latest("id")
    assert event.verb == "task.moved"
    assert event.before["status"] == "not_started"
    assert event.after["status"] == "in_progress"
    assert event.scope_id == proj.collab.pk
