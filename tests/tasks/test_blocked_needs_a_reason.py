"""Blocking a task needs a reason; a blocking task must be another task of the project;
unblocking clears both."""

import pytest

from concord.lib.errors import DomainError
from concord.tasks import services
from concord.tasks.models import Status
from tests.tasks.helpers import task


def test_it_refuses_to_block_without_a_reason(org, proj, at):
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        with pytest.raises(DomainError) as exc:
            services.task_move(actor=proj.rob, task=t, status=Status.BLOCKED, blocked_reason="  ")
    assert exc.value.code == "invalid"
    assert "blocked_reason" in exc.value.details


def test_it_blocks_with_a_reason_and_a_link_then_unblocks(org, proj, at):
    with at("2026-07-02 10:00"):
        first = task(org, proj, title="环境准备")
        t = task(org, proj)
        blocked = services.task_move(
            actor=proj.rob,
            task=t,
            status=Status.BLOCKED,
            blocked_reason="等待测试环境",
            blocked_by_task=first,
        )
        assert blocked.blocked_reason == "等待测试环境"
        assert blocked.blocked_by_task_id == first.pk
        resumed = services.task_move(actor=proj.rob, task=t, status=Status.IN_PROGRESS)
    assert resumed.blocked_reason == ""
    assert resumed.blocked_by_task_id is None


def test_it_refuses_a_task_blocking_itself(org, proj, at):
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        with pytest.raises(DomainError) as exc:
            services.task_move(
                actor=proj.rob, task=t, status=Status.BLOCKED, blocked_reason="x", blocked_by_task=t
            )
    assert "blocked_by_task" in exc.value.details
