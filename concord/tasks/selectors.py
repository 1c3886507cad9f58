"""Reads of tasks. Published interface; bodies follow."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from concord.collaborations.models import Collaboration

from .models import Task


@dataclass
class TaskFilters:
    department: int | None = None
    owner: int | None = None
    milestone: int | None = None
    status: str = ""
    overdue: bool = False
    q: str = ""


@dataclass
class WorkItem:
    kind: str  # "task", "approval", "signoff", "acknowledgement", "review"
    title: str
    url: str
    due: date | None
    collaboration: Collaboration | None
    urgency: int  # lower is more urgent
    obj: Any


def board(collab: Collaboration, *, filters: TaskFilters | None = None) -> dict[str, list[Task]]:
    raise NotImplementedError


def task_list(
    user: Any, collab: Collaboration, *, filters: TaskFilters | None = None, order: str = "due_on"
) -> list[Task]:
    raise NotImplementedError


def my_work(user: Any) -> list[WorkItem]:
    raise NotImplementedError


def lagging(collab: Collaboration) -> list[Task]:
    raise NotImplementedError


def gantt(collab: Collaboration) -> dict[str, Any]:
    raise NotImplementedError


def progress_digest(collab: Collaboration, day: date) -> Any:
    raise NotImplementedError
