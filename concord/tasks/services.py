"""Writes of tasks and progress. Published interface; bodies follow."""

from datetime import date
from typing import Any

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department
from concord.planning.models import Milestone, WbsItem

from .models import Priority, ProgressUpdate, Task, TaskSettings


def task_create(
    *,
    actor: Any,
    collaboration: Collaboration,
    title: str,
    owner: Any,
    department: Department,
    due_on: date | None,
    start_on: date | None = None,
    description: str = "",
    deliverable: str = "",
    deliverable_standard: str = "",
    priority: str = Priority.NORMAL,
    parent: Task | None = None,
    milestone: Milestone | None = None,
    wbs_item: WbsItem | None = None,
    needs_review: bool = False,
) -> Task:
    raise NotImplementedError


def task_update(*, actor: Any, task: Task, **fields: Any) -> Task:
    raise NotImplementedError


def task_move(
    *,
    actor: Any,
    task: Task,
    status: str,
    position: int | None = None,
    blocked_reason: str = "",
    blocked_by_task: Task | None = None,
) -> Task:
    raise NotImplementedError


def task_review(*, actor: Any, task: Task, approve: bool, comment: str = "") -> Task:
    raise NotImplementedError


def dependency_add(*, actor: Any, task: Task, depends_on: Task) -> Task:
    raise NotImplementedError


def dependency_remove(*, actor: Any, task: Task, depends_on: Task) -> Task:
    raise NotImplementedError


def tasks_from_plan(*, actor: Any, collaboration: Collaboration) -> list[Task]:
    raise NotImplementedError


def progress_post(
    *, actor: Any, task: Task, text: str, percent_done: int | None = None, blocker: str = ""
) -> ProgressUpdate:
    raise NotImplementedError


def task_settings_set(
    *,
    actor: Any,
    collaboration: Collaboration,
    nudge_enabled: bool | None,
    digest_enabled: bool = True,
) -> TaskSettings:
    raise NotImplementedError
