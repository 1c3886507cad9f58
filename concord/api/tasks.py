"""Tasks (执行与监控) over the API: the same services and selectors as the pages.

Under a collaboration (`/collaborations/{ref}/tasks`), tasks are named by
their number (`T-001`). A collaboration the caller may not see answers 404
like a missing one. `/my-work` lists what the caller must do everywhere.
"""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from concord.api.common import name_of, user_of
from concord.collaborations.access import collaboration_for
from concord.lib.errors import DomainError
from concord.orgs.models import Department
from concord.planning.models import Milestone
from concord.tasks import access, exports, importing, selectors, services
from concord.tasks.models import Priority, Task
from concord.tasks.models import Status as TaskStatus

router = Router()
my_work_router = Router()

MAX_IMPORT_BYTES = 10 * 1024 * 1024


# --- Schemas -------------------------------------------------------------


class TaskOut(Schema):
    number: str = Field(..., examples=["T-001"])
    title: str = Field(..., examples=["接口开发"])
    description: str = ""
    owner: str = Field(..., examples=["rob"])
    owner_name: str = Field(..., examples=["罗工"])
    department_id: int
    department: str = Field(..., examples=["研发部"])
    start_on: date | None = None
    due_on: date | None = Field(None, examples=["2026-07-15"])
    deliverable: str = ""
    deliverable_standard: str = ""
    status: TaskStatus = Field(..., examples=["in_progress"])
    blocked_reason: str = ""
    blocked_by: str | None = Field(None, examples=["T-002"])
    priority: Priority = Field(..., examples=["normal"])
    parent: str | None = None
    position: int = 0
    percent_done: int = Field(..., examples=[40])
    milestone_id: int | None = None
    wbs_item_id: int | None = None
    needs_review: bool = False
    reviewer: str | None = None
    review_state: str = Field(..., examples=["none"])
    review_comment: str = ""
    lag: str = Field("", description='"overdue", "behind" (the plan) or "".')
    done_at: datetime | None = None


class TaskIn(Schema):
    title: str = Field(..., max_length=300, examples=["接口开发"])
    owner: str = Field(..., description="Username.", examples=["rob"])
    department_id: int = Field(..., examples=[3])
    due_on: date | None = Field(..., examples=["2026-07-15"])
    start_on: date | None = Field(None, examples=["2026-07-01"])
    description: str = Field("", max_length=10000)
    deliverable: str = Field("", max_length=300, examples=["接口文档"])
    deliverable_standard: str = Field("", max_length=10000)
    priority: Priority = Priority.NORMAL
    parent: str | None = Field(None, examples=["T-001"])
    milestone_id: int | None = None
    needs_review: bool = False


class TaskPatch(Schema):
    title: str | None = Field(None, max_length=300)
    owner: str | None = Field(None, examples=["cara"])
    department_id: int | None = None
    due_on: date | None = Field(None, examples=["2026-07-20"])
    start_on: date | None = None
    description: str | None = Field(None, max_length=10000)
    deliverable: str | None = Field(None, max_length=300)
    deliverable_standard: str | None = Field(None, max_length=10000)
    priority: Priority | None = None
    needs_review: bool | None = None


class MoveIn(Schema):
    status: TaskStatus = Field(..., examples=["blocked"])
    position: int | None = Field(None, ge=0, le=100000)
    blocked_reason: str = Field("", max_length=2000, examples=["等待测试环境"])
    blocked_by: str | None = Field(None, examples=["T-002"])


class ReviewIn(Schema):
    approve: bool = Field(..., examples=[False])
    comment: str = Field("", max_length=2000, examples=["缺少错误码说明"])


class ProgressIn(Schema):
    text: str = Field(..., max_length=5000, examples=["完成登录接口"])
    percent_done: int | None = Field(None, ge=0, le=100, examples=[40])
    blocker: str = Field("", max_length=2000, examples=[""])


class ProgressOut(Schema):
    id: int
    author: str
    text: str
    percent_done: int | None
    blocker: str
    created_at: datetime


class DependencyIn(Schema):
    depends_on: str = Field(..., examples=["T-001"])


class FilterIn(Schema):
    department: int | None = None
    owner: int | None = None
    milestone: int | None = None
    status: TaskStatus | None = None
    overdue: bool = False
    q: str = Field("", max_length=100)
    order: str = Field("due_on", examples=["-priority"], max_length=20)


class WorkItemOut(Schema):
    kind: str = Field(..., examples=["task"])
    title: str
    url: str
    due: date | None
    collaboration: str | None = Field(None, examples=["XQ-2026-0001"])
    urgency: int = Field(..., description="0 overdue, 1 due within a working day, 2 soon, 3 later")


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class ImportOut(Schema):
    ok: bool
    dry_run: bool
    created: list[str]
    errors: list[RowErrorOut]


# --- helpers -------------------------------------------------------------


def _out(task: Task) -> dict[str, Any]:
    return {
        **_out_base(task),
        "blocked_by": task.blocked_by_task.number if task.blocked_by_task else None,
        "parent": task.parent.number if task.parent else None,
        "reviewer": task.reviewer.get_username() if task.reviewer else None,
        "lag": selectors.lag_of(task),
    }


def _fresh(user: Any, ref: str, number: str) -> dict[str, Any]:
    return _out(access.task_for(user, ref, number))


def _person(username: str, field: str) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(_("No active person with this username."), field=field)
    return user


def _department(pk: int) -> Department:
    dept = Department.objects.filter(pk=pk, is_active=True).first()
    if dept is None:
        raise DomainError(_("Choose an active department."), field="department_id")
    return dept


def _milestone(collab: Any, pk: int | None) -> Milestone | None:
    if pk is None:
        return None
    found = Milestone.objects.filter(pk=pk, version__plan__collaboration=collab).first()
    if found is None:
        raise DomainError(_("Choose a milestone of this collaboration."), field="milestone_id")
    return found


# --- Routes --------------------------------------------------------------


@router.get("/{ref}/tasks", response=list[TaskOut], summary="List, filter and sort tasks")
def list_tasks(request: HttpRequest, ref: str, filters: Query[FilterIn]) -> Any:
    collab = collaboration_for(user_of(request), ref)
    wanted = selectors.TaskFilters(
        department=filters.department,
        owner=filters.owner,
        milestone=filters.milestone,
        status=filters.status or "",
        overdue=filters.overdue,
        q=filters.q,
    )
    tasks = selectors.task_list(user_of(request), collab, filters=wanted, order=filters.order)
    ids = {t.blocked_by_task_id for t in tasks} | {t.parent_id for t in tasks}
    numbers = dict(Task.objects.filter(pk__in=ids - {None}).values_list("pk", "number"))
    return [_out_light(task, numbers) for task in tasks]


def _out_light(task: Task, numbers: dict[int, str]) -> dict[str, Any]:
    """Like `_out`, without a query per related task (the list's numbers are preloaded)."""
    return {
        **_out_base(task),
        "blocked_by": numbers.get(task.blocked_by_task_id or 0),
        "parent": numbers.get(task.parent_id or 0),
        "reviewer": task.reviewer.get_username() if task.reviewer else None,
    }


def _out_base(task: Task) -> dict[str, Any]:
    return {
        "number": task.number,
        "title": task.title,
        "description": task.description,
        "owner": task.owner.get_username(),
        "owner_name": name_of(task.owner),
        "department_id": task.department_id,
        "department": task.department.name,
        "start_on": task.start_on,
        "due_on": task.due_on,
        "deliverable": task.deliverable,
        "deliverable_standard": task.deliverable_standard,
        "status": task.status,
        "blocked_reason": task.blocked_reason,
        "priority": task.priority,
        "position": task.position,
        "percent_done": task.percent_done,
        "milestone_id": task.milestone_id,
        "wbs_item_id": task.wbs_item_id,
        "needs_review": task.needs_review,
        "review_state": task.review_state,
        "review_comment": task.review_comment,
        "lag": getattr(task, "lag", ""),
        "done_at": task.done_at,
    }


@router.post("/{ref}/tasks", response={201: TaskOut}, summary="Add a task")
def create_task(request: HttpRequest, ref: str, payload: TaskIn) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    parent = access.task_for(user, ref, payload.parent) if payload.parent else None
    task = services.task_create(
        actor=user,
        collaboration=collab,
        title=payload.title,
        owner=_person(payload.owner, "owner"),
        department=_department(payload.department_id),
        due_on=payload.due_on,
        start_on=payload.start_on,
        description=payload.description,
        deliverable=payload.deliverable,
        deliverable_standard=payload.deliverable_standard,
        priority=payload.priority,
        parent=parent,
        milestone=_milestone(collab, payload.milestone_id),
        needs_review=payload.needs_review,
    )
    return Status(201, _fresh(user, ref, task.number))


@router.get("/{ref}/tasks/export", summary="《任务进度跟踪表》 as .xlsx")
def export_tasks(request: HttpRequest, ref: str) -> HttpResponse:
    return exports.tracking_response(collaboration_for(user_of(request), ref))


@router.post(
    "/{ref}/tasks/import",
    response={200: ImportOut, 400: ImportOut},
    summary="Import a task list from .xlsx",
    description="All or nothing: with any bad row nothing changes and the answer (400) lists "
    "every error with row and column. `dry_run` checks without changing anything.",
)
def import_tasks(
    request: HttpRequest, ref: str, file: File[UploadedFile], dry_run: Form[bool] = False
) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    if file.size is not None and file.size > MAX_IMPORT_BYTES:
        raise DomainError(_("The file is too large (10 MB at most)."), field="file")
    report = importing.tasks_import(
        actor=user, collaboration=collab, upload=file.read(), dry_run=dry_run
    )
    body = {
        "ok": report.ok,
        "dry_run": report.dry_run,
        "created": report.created,
        "errors": [e.__dict__ for e in report.errors],
    }
    return Status(200 if report.ok else 400, body)


@router.post(
    "/{ref}/tasks/from-plan",
    response={200: list[TaskOut]},
    summary="Create tasks from the effective plan's WBS (idempotent)",
)
def from_plan(request: HttpRequest, ref: str) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    created = services.tasks_from_plan(actor=user, collaboration=collab)
    return [_fresh(user, ref, t.number) for t in created]


@router.get("/{ref}/tasks/{number}", response=TaskOut, summary="Get a task")
def get_task(request: HttpRequest, ref: str, number: str) -> Any:
    return _fresh(user_of(request), ref, number)


@router.patch("/{ref}/tasks/{number}", response=TaskOut, summary="Change a task")
def update_task(request: HttpRequest, ref: str, number: str, payload: TaskPatch) -> Any:
    user = user_of(request)
    task = access.task_for(user, ref, number)
    fields: dict[str, Any] = {
        k: v
        for k, v in payload.dict(exclude_unset=True).items()
        if k not in ("owner", "department_id")
    }
    if payload.owner is not None:
        fields["owner"] = _person(payload.owner, "owner")
    if payload.department_id is not None:
        fields["department"] = _department(payload.department_id)
    services.task_update(actor=user, task=task, **fields)
    return _fresh(user, ref, number)


@router.post("/{ref}/tasks/{number}/move", response=TaskOut, summary="Move a task on the board")
def move_task(request: HttpRequest, ref: str, number: str, payload: MoveIn) -> Any:
    user = user_of(request)
    task = access.task_for(user, ref, number)
    blocker = access.task_for(user, ref, payload.blocked_by) if payload.blocked_by else None
    services.task_move(
        actor=user,
        task=task,
        status=payload.status,
        position=payload.position,
        blocked_reason=payload.blocked_reason,
        blocked_by_task=blocker,
    )
    return _fresh(user, ref, number)


@router.post("/{ref}/tasks/{number}/review", response=TaskOut, summary="Approve or reject a review")
def review_task(request: HttpRequest, ref: str, number: str, payload: ReviewIn) -> Any:
    user = user_of(request)
    task = access.task_for(user, ref, number)
    services.task_review(actor=user, task=task, approve=payload.approve, comment=payload.comment)
    return _fresh(user, ref, number)


@router.post("/{ref}/tasks/{number}/dependencies", response=TaskOut, summary="Add a dependency")
def add_dependency(request: HttpRequest, ref: str, number: str, payload: DependencyIn) -> Any:
    user = user_of(request)
    task = access.task_for(user, ref, number)
    other = access.task_for(user, ref, payload.depends_on)
    services.dependency_add(actor=user, task=task, depends_on=other)
    return _fresh(user, ref, number)


@router.delete(
    "/{ref}/tasks/{number}/dependencies/{other}",
    response=TaskOut,
    summary="Remove a dependency",
)
def remove_dependency(request: HttpRequest, ref: str, number: str, other: str) -> Any:
    user = user_of(request)
    task = access.task_for(user, ref, number)
    depends_on = access.task_for(user, ref, other)
    services.dependency_remove(actor=user, task=task, depends_on=depends_on)
    return _fresh(user, ref, number)


class TaskSettingsOut(Schema):
    nudge_enabled: bool | None = Field(
        ..., description="None: nudge when the communication plan has a daily stand-up."
    )
    nudges_now: bool = Field(..., description="Whether owners are nudged, all told.")
    digest_enabled: bool


class TaskSettingsIn(Schema):
    nudge_enabled: bool | None = Field(None, examples=[True])
    digest_enabled: bool = True


def _settings_body(collab: Any, row: Any) -> dict[str, Any]:
    return {
        "nudge_enabled": row.nudge_enabled if row is not None else None,
        "nudges_now": services.nudge_enabled(collab),
        "digest_enabled": row.digest_enabled if row is not None else True,
    }


@router.get(
    "/{ref}/task-settings",
    response=TaskSettingsOut,
    summary="Daily progress settings (nudges, digest)",
)
def get_task_settings(request: HttpRequest, ref: str) -> Any:
    from concord.tasks.models import TaskSettings

    collab = collaboration_for(user_of(request), ref)
    return _settings_body(collab, TaskSettings.objects.filter(collaboration=collab).first())


@router.put(
    "/{ref}/task-settings",
    response=TaskSettingsOut,
    summary="Change the daily progress settings",
)
def put_task_settings(request: HttpRequest, ref: str, payload: TaskSettingsIn) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    row = services.task_settings_set(
        actor=user,
        collaboration=collab,
        nudge_enabled=payload.nudge_enabled,
        digest_enabled=payload.digest_enabled,
    )
    return _settings_body(collab, row)


@router.get(
    "/{ref}/tasks/{number}/progress",
    response=list[ProgressOut],
    summary="A task's progress updates, newest first",
)
def list_progress(request: HttpRequest, ref: str, number: str) -> Any:
    task = access.task_for(user_of(request), ref, number)
    return [_progress_out(u) for u in selectors.updates_of(task)]


def _progress_out(update: Any) -> dict[str, Any]:
    return {
        "id": update.pk,
        "author": update.author.get_username(),
        "text": update.text,
        "percent_done": update.percent_done,
        "blocker": update.blocker,
        "created_at": update.created_at,
    }


@router.post(
    "/{ref}/tasks/{number}/progress",
    response={201: ProgressOut},
    summary="Post a progress update (每日进度同步)",
)
def post_progress(request: HttpRequest, ref: str, number: str, payload: ProgressIn) -> Any:
    user = user_of(request)
    task = access.task_for(user, ref, number)
    update = services.progress_post(
        actor=user,
        task=task,
        text=payload.text,
        percent_done=payload.percent_done,
        blocker=payload.blocker,
    )
    return Status(201, _progress_out(update))


@my_work_router.get("", response=list[WorkItemOut], summary="What I must do, most urgent first")
def my_work(request: HttpRequest) -> Any:
    return [
        {
            "kind": item.kind,
            "title": item.title,
            "url": item.url,
            "due": item.due,
            "collaboration": item.collaboration.ref if item.collaboration else None,
            "urgency": item.urgency,
        }
        for item in selectors.my_work(user_of(request))
    ]
