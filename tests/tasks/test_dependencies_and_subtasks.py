"""Dependencies refuse cycles, and a task cannot start before what it depends on is done
(refused, not warned); a parent cannot be done while a subtask is open."""

import pytest

from concord.lib.errors import DomainError
from concord.tasks import services
from concord.tasks.models import Status
from tests.tasks.helpers import task


def test_it_refuses_a_cycle(org, proj, at):
    with at("2026-07-02 10:00"):
        a, b, c = (task(org, proj, title=n) for n in ("A", "B", "C"))
        services.dependency_add(actor=proj.leo, task=b, depends_on=a)
        services.dependency_add(actor=proj.leo, task=c, depends_on=b)
        with pytest.raises(DomainError) as exc:
            services.dependency_add(actor=proj.leo, task=a, depends_on=c)
        assert exc.value.code == "conflict"
        with pytest.raises(DomainError):
            services.dependency_add(actor=proj.leo, task=a, depends_on=a)


def test_it_refuses_to_start_before_the_dependency_is_done(org, proj, at):
    with at("2026-07-02 10:00"):
        a, b = task(org, proj, title="A"), task(org, proj, title="B")
        services.dependency_add(actor=proj.leo, task=b, depends_on=a)
        with pytest.raises(DomainError) as exc:
            services.task_move(actor=proj.rob, task=b, status=Status.IN_PROGRESS)
        assert exc.value.code == "conflict"
        assert a.number in str(exc.value.message)
        services.task_move(actor=proj.rob, task=a, status=Status.DONE)
        b = services.task_move(actor=proj.rob, task=b, status=Status.IN_PROGRESS)
    assert b.status == Status.IN_PROGRESS


def test_a_parent_waits_for_its_subtasks(org, proj, at):
    with at("2026-07-02 10:00"):
        parent = task(org, proj, title="上线")
        child = task(org, proj, title="压测", parent=parent)
        with pytest.raises(DomainError) as exc:
            services.task_move(actor=proj.rob, task=parent, status=Status.DONE)
        assert child.number in str(exc.value.message)
        services.task_move(actor=proj.rob, task=child, status=Status.DONE)
        parent = services.task_move(actor=proj.rob, task=parent, status=Status.DONE)
    assert parent.status == Status.DONE


def test_a_task_cannot_become_its_own_subtask(org, proj, at):
    with at("2026-07-02 10:00"):
        parent = task(org, proj, title="上线")
        child = task(org, proj, title="压测", parent=parent)
        with pytest.raises(DomainError):
            services.task_update(actor=proj.leo, task=parent, parent=child)
