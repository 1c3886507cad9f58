"""Who may see and do what with tasks. Published interface; bodies follow."""

from typing import Any

from concord.collaborations.models import Collaboration

from .models import Task


def task_for(user: Any, ref: int | str, number: str) -> Task:
    """Return task `number` (e.g. T-001) of collaboration `ref` if `user` may see it."""
    raise NotImplementedError


def may_create(user: Any, collab: Collaboration) -> bool:
    raise NotImplementedError


def may_move(user: Any, task: Task) -> bool:
    raise NotImplementedError


def may_edit(user: Any, task: Task) -> bool:
    raise NotImplementedError


def may_review(user: Any, task: Task) -> bool:
    raise NotImplementedError


def may_post_progress(user: Any, task: Task) -> bool:
    raise NotImplementedError
