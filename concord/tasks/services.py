"""Writes of tasks and progress (执行与监控).

Every function takes the acting person, runs in one transaction, locks what
it changes, checks the rule and the actor (see `access`), writes one event
scoped to the collaboration and raises only `DomainError`.

Rules chosen here:
- Blocking needs a reason; a blocking task must belong to the same
  collaboration.
- A parent task cannot be done while one of its subtasks is open.
- Dependencies refuse cycles. A task whose dependency is not done cannot be
  started or finished: the move is refused (conflict) naming the
  dependency, rather than merely warned about, so the board never shows
  work under way that the plan says cannot be.
- Moving a key-deliverable task (`needs_review`) to done requests a review
  from the RACI Accountable party instead (the task stays in progress);
  approval makes it done, rejection sends it back to in progress with the
  comment. Reopening a done task asks for a new review.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.collaborations.services import member_ensure
from concord.lib import workcal
from concord.lib.errors import DomainError
from concord.notifications.services import notify
from concord.orgs.models import Department
from concord.planning.models import Deliverable, Letter, Milestone, RaciCell, WbsItem
from concord.planning.selectors import effective_plan, wbs_items

from . import access, kinds, schedule
from .models import (
    OPEN,
    Priority,
    ProgressUpdate,
    ReviewState,
    Status,
    Task,
    TaskDependency,
    TaskSettings,
)
from .reviewers import reviewer_for

User = Any

#: Fields `task_update` changes; others have their own service.
UPDATABLE = frozenset(
    {
        "title",
        "description",
        "owner",
        "department",
        "start_on",
        "due_on",
        "deliverable",
        "deliverable_standard",
        "priority",
        "parent",
        "milestone",
        "needs_review",
    }
)


# --------------------------------------------------------------------- helpers


def _invalid(message: str | Promise, field: str) -> DomainError:
    return DomainError(message, code="invalid", field=field)


def _lock_collab(collab: Collaboration) -> Collaboration:
    return Collaboration.objects.select_for_update().get(pk=collab.pk)


def _lock(task: Task) -> Task:
    locked = (
        # Lock the task row only; the joined rows are read, not changed.
        Task.objects.select_for_update(of=("self",))
        .select_related("collaboration", "owner", "reviewer")
        .filter(pk=task.pk)
        .first()
    )
    if locked is None:
        raise DomainError(_("Not found."), code="not_found")
    return locked


def _snapshot(task: Task, names: set[str] | frozenset[str] | None = None) -> dict[str, Any]:
    names = names or {"status", "owner", "due_on", "percent_done", "review_state"}
    out: dict[str, Any] = {}
    for name in sorted(names):
        value = getattr(task, f"{name}_id" if name in _FKS else name)
        out[name] = value
    return out


_FKS = {"owner", "department", "parent", "milestone", "blocked_by_task", "reviewer", "wbs_item"}


def _params(task: Task, actor: User | None = None, **extra: Any) -> dict[str, Any]:
    collab = task.collaboration
    return {
        "number": task.number,
        "title": task.title,
        "collaboration": str(collab),
        "due_on": task.due_on.isoformat() if task.due_on else "",
        "actor": _name(actor) if actor is not None else "",
        **extra,
    }


def _name(user: User) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or user.get_username()


def _url(task: Task) -> str:
    try:
        return task.get_absolute_url()
    except Exception:  # the pages may not be mounted yet
        return ""


def _next_seq(collab: Collaboration) -> int:
    last = Task.objects.filter(collaboration=collab).aggregate(m=Max("seq"))["m"]
    return (last or 0) + 1


def _end_position(collab: Collaboration, status: str) -> int:
    last = Task.objects.filter(collaboration=collab, status=status).aggregate(m=Max("position"))[
        "m"
    ]
    return 0 if last is None else last + 1


def _place(task: Task, position: int | None) -> None:
    """Put the task at `position` in its status column, shifting the others down."""
    if position is None:
        task.position = _end_position(task.collaboration, task.status)
        return
    others = list(
        Task.objects.filter(collaboration_id=task.collaboration_id, status=task.status)
        .exclude(pk=task.pk)
        .order_by("position", "seq")
        .values_list("pk", "position")
    )
    index = max(0, min(position, len(others)))
    order = [pk for pk, _pos in others]
    order.insert(index, task.pk)
    current = dict(others)
    changed = [
        Task(pk=pk, position=new)
        for new, pk in enumerate(order)
        if pk != task.pk and current[pk] != new
    ]
    if changed:
        Task.objects.bulk_update(changed, ["position"])
    task.position = index


def _settings_for(collab: Collaboration) -> TaskSettings | None:
    return TaskSettings.objects.filter(collaboration=collab).first()


def _clean_dates(start_on: date | None, due_on: date | None) -> None:
    if start_on and due_on and due_on < start_on:
        raise _invalid(_("The due date cannot be before the start date."), "due_on")


def _check_relations(
    collab: Collaboration,
    *,
    parent: Task | None,
    milestone: Milestone | None,
    wbs_item: WbsItem | None,
    task: Task | None = None,
) -> None:
    if parent is not None:
        if parent.collaboration_id != collab.pk:
            raise _invalid(_("The parent task belongs to another collaboration."), "parent")
        node: Task | None = parent
        seen = 0
        while node is not None and seen < 100:
            if task is not None and node.pk == task.pk:
                raise _invalid(_("A task cannot be its own subtask."), "parent")
            node = node.parent
            seen += 1
    if milestone is not None and milestone.version.plan.collaboration_id != collab.pk:
        raise _invalid(_("The milestone belongs to another collaboration."), "milestone")
    if wbs_item is not None and wbs_item.version.plan.collaboration_id != collab.pk:
        raise _invalid(_("The WBS item belongs to another collaboration."), "wbs_item")


def _check_owner(owner: User) -> None:
    if owner is None or not getattr(owner, "is_active", False):
        raise _invalid(_("Choose an active person as the owner."), "owner")


def _open_dependencies(task: Task) -> list[Task]:
    return list(Task.objects.filter(dependents__task=task, status__in=OPEN).order_by("seq"))


# ----------------------------------------------------------------------- tasks


@transaction.atomic
def task_create(
    *,
    actor: User,
    collaboration: Collaboration,
    title: str,
    owner: User,
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
    source: Any = None,
) -> Task:
    """Add a task to the collaboration and tell its owner.

    `source` is what the task came from (a meeting's action item, an issue, a
    review's improvement measure); it is shown on the task as a link back.
    """
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    if department is None:
        raise _invalid(_("Choose the department."), "department")
    if not access.may_create(actor, collab, department):
        raise access.forbidden()
    title = (title or "").strip()
    if not title:
        raise _invalid(_("This field is required."), "title")
    _check_owner(owner)
    if priority not in Priority.values:
        raise _invalid(_("Choose a priority."), "priority")
    _clean_dates(start_on, due_on)
    _check_relations(collab, parent=parent, milestone=milestone, wbs_item=wbs_item)
    if (
        wbs_item is not None
        and Task.objects.filter(collaboration=collab, wbs_key=wbs_item.key).exists()
    ):
        raise DomainError(_("This WBS item already has a task."), code="conflict", field="wbs_item")
    seq = _next_seq(collab)
    task = Task(
        collaboration=collab,
        seq=seq,
        number=f"T-{seq:03d}",
        title=title[:300],
        description=description or "",
        owner=owner,
        department=department,
        start_on=start_on,
        due_on=due_on,
        deliverable=(deliverable or "")[:300],
        deliverable_standard=deliverable_standard or "",
        priority=priority,
        parent=parent,
        milestone=milestone,
        wbs_item=wbs_item,
        wbs_key=wbs_item.key if wbs_item is not None else None,
        needs_review=bool(needs_review),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        position=_end_position(collab, Status.NOT_STARTED),
    )
    if source is not None:
        task.source = source
    task.save()
    # The owner must be able to open the collaboration their task is in.
    joined = member_ensure(collaboration=collab, user=owner)
    event = event_record(
        actor=actor,
        verb="task.created",
        subject=task,
        after={
            "title": task.title,
            "owner": owner.pk,
            "due_on": due_on,
            "owner_joined_team": joined,
        },
        scope=collab,
    )
    schedule.arm_deadlines(task)
    schedule.arm_daily(collab)
    notify(
        recipients=[owner],
        kind=kinds.ASSIGNED,
        subject=task,
        params=_params(task, actor),
        url=_url(task),
        actor=actor,
        event=event,
    )
    return task


@transaction.atomic
def task_update(*, actor: User, task: Task, **fields: Any) -> Task:
    """Change the given fields of the task (see UPDATABLE); re-date re-arms its timers."""
    unknown = set(fields) - UPDATABLE
    if unknown:
        name = sorted(unknown)[0]
        raise _invalid(_("This field cannot be changed here."), name)
    task = _lock(task)
    collab = task.collaboration
    access.require_under_way(collab)
    changed = {
        name
        for name, value in fields.items()
        if getattr(task, f"{name}_id" if name in _FKS else name)
        != (getattr(value, "pk", value) if name in _FKS else value)
    }
    if not changed:
        return task
    if not access.may_edit(actor, task, changed):
        raise access.forbidden()
    before = _snapshot(task, changed)
    if "title" in changed:
        fields["title"] = (fields["title"] or "").strip()[:300]
        if not fields["title"]:
            raise _invalid(_("This field is required."), "title")
    if "owner" in changed:
        _check_owner(fields["owner"])
    if "department" in changed and fields["department"] is None:
        raise _invalid(_("Choose the department."), "department")
    if "department" in changed and not access.may_edit(
        actor, Task(collaboration=collab, department=fields["department"], owner=task.owner)
    ):
        raise access.forbidden()
    if "priority" in changed and fields["priority"] not in Priority.values:
        raise _invalid(_("Choose a priority."), "priority")
    for name in ("description", "deliverable", "deliverable_standard"):
        if name in changed:
            fields[name] = fields[name] or ""
    _clean_dates(fields.get("start_on", task.start_on), fields.get("due_on", task.due_on))
    _check_relations(
        collab,
        parent=fields.get("parent") if "parent" in changed else None,
        milestone=fields.get("milestone") if "milestone" in changed else None,
        wbs_item=None,
        task=task,
    )
    for name in changed:
        setattr(task, name, fields[name])
    task.save()
    if "owner" in changed:
        member_ensure(collaboration=collab, user=task.owner)
    event = event_record(
        actor=actor,
        verb="task.updated",
        subject=task,
        before=before,
        after=_snapshot(task, changed),
        scope=collab,
    )
    if "due_on" in changed:
        schedule.arm_deadlines(task)
    if "owner" in changed:
        notify(
            recipients=[task.owner],
            kind=kinds.ASSIGNED,
            subject=task,
            params=_params(task, actor),
            url=_url(task),
            actor=actor,
            event=event,
        )
    return task


def _request_review(actor: User, task: Task) -> Task:
    if task.review_state == ReviewState.REQUESTED:
        raise DomainError(
            _("This task is already waiting for its review."), code="conflict", field="status"
        )
    before = _snapshot(task)
    reviewer = reviewer_for(task)
    task.review_state = ReviewState.REQUESTED
    task.reviewer = reviewer
    task.review_comment = ""
    if task.status != Status.IN_PROGRESS:
        task.status = Status.IN_PROGRESS
        task.blocked_reason = ""
        task.blocked_by_task = None
        _place(task, None)
    task.started_at = task.started_at or timezone.now()
    task.save()
    event = event_record(
        actor=actor,
        verb="task.review_requested",
        subject=task,
        before=before,
        after={**_snapshot(task), "reviewer": reviewer.pk if reviewer else None},
        scope=task.collaboration,
    )
    notify(
        recipients=[reviewer],
        kind=kinds.REVIEW_REQUESTED,
        subject=task,
        params=_params(task, actor),
        url=_url(task),
        actor=actor,
        event=event,
    )
    return task


@transaction.atomic
def task_move(
    *,
    actor: User,
    task: Task,
    status: str,
    position: int | None = None,
    blocked_reason: str = "",
    blocked_by_task: Task | None = None,
) -> Task:
    """Move the task to `status` (and `position` in that column); see the module's rules."""
    task = _lock(task)
    collab = task.collaboration
    access.require_under_way(collab)
    if not access.may_move(actor, task):
        raise access.forbidden()
    if status not in Status.values:
        raise _invalid(_("Choose a status."), "status")
    if position is not None and position < 0:
        raise _invalid(_("The position cannot be negative."), "position")
    blocked_reason = (blocked_reason or "").strip()
    if status == Status.BLOCKED:
        if not blocked_reason:
            raise _invalid(_("Say why the task is blocked."), "blocked_reason")
        if blocked_by_task is not None and (
            blocked_by_task.collaboration_id != collab.pk or blocked_by_task.pk == task.pk
        ):
            raise _invalid(
                _("The blocking task must be another task of this collaboration."),
                "blocked_by_task",
            )
    if status in (Status.IN_PROGRESS, Status.DONE) and task.status != status:
        waiting = _open_dependencies(task)
        if waiting:
            raise DomainError(
                _("First finish the tasks this one depends on: %(tasks)s.")
                % {"tasks": ", ".join(t.number for t in waiting)},
                code="conflict",
                field="status",
            )
    if status == Status.DONE and task.status != Status.DONE:
        open_subtasks = list(task.subtasks.filter(status__in=OPEN).order_by("seq"))
        if open_subtasks:
            raise DomainError(
                _("Subtasks are still open: %(tasks)s.")
                % {"tasks": ", ".join(t.number for t in open_subtasks)},
                code="conflict",
                field="status",
            )
        if task.needs_review and task.review_state != ReviewState.APPROVED:
            return _request_review(actor, task)
    if status == task.status and position is None and status != Status.BLOCKED:
        return task
    before = {**_snapshot(task), "position": task.position, "blocked_reason": task.blocked_reason}
    was_open = task.is_open
    moved_column = status != task.status
    task.status = status
    if status == Status.BLOCKED:
        task.blocked_reason = blocked_reason
        task.blocked_by_task = blocked_by_task
    else:
        task.blocked_reason = ""
        task.blocked_by_task = None
    now = timezone.now()
    if status in (Status.IN_PROGRESS, Status.BLOCKED, Status.DONE):
        task.started_at = task.started_at or now
    if status == Status.DONE:
        task.done_at = now
        task.percent_done = 100
    else:
        task.done_at = None
        # A reopened key deliverable, or one pulled back while under review,
        # needs a fresh review before it is done again.
        if task.review_state in (ReviewState.APPROVED, ReviewState.REQUESTED):
            task.review_state = ReviewState.NONE
    if moved_column or position is not None:
        _place(task, position)
    task.save()
    event_record(
        actor=actor,
        verb="task.moved",
        subject=task,
        before=before,
        after={**_snapshot(task), "position": task.position, "blocked_reason": task.blocked_reason},
        scope=collab,
    )
    if was_open and not task.is_open:
        schedule.cancel_deadlines(task)
    elif not was_open and task.is_open:
        schedule.arm_deadlines(task)
    return task


@transaction.atomic
def task_review(*, actor: User, task: Task, approve: bool, comment: str = "") -> Task:
    """Approve (→ done) or reject (→ in progress, with the comment) a requested review."""
    task = _lock(task)
    collab = task.collaboration
    access.require_under_way(collab)
    if task.review_state != ReviewState.REQUESTED:
        raise DomainError(_("No review is requested for this task."), code="conflict")
    if not access.may_review(actor, task):
        raise access.forbidden()
    comment = (comment or "").strip()
    if not approve and not comment:
        raise _invalid(_("Say what must change before the deliverable is accepted."), "comment")
    before = _snapshot(task)
    task.review_comment = comment
    if approve:
        task.review_state = ReviewState.APPROVED
        task.status = Status.DONE
        task.done_at = timezone.now()
        task.percent_done = 100
        _place(task, None)
    else:
        task.review_state = ReviewState.REJECTED
        task.status = Status.IN_PROGRESS
    task.save()
    event = event_record(
        actor=actor,
        verb="task.reviewed",
        subject=task,
        before=before,
        after={**_snapshot(task), "approved": bool(approve), "comment": comment},
        scope=collab,
    )
    if approve:
        schedule.cancel_deadlines(task)
    notify(
        recipients=[task.owner],
        kind=kinds.REVIEWED,
        subject=task,
        params=_params(
            task, actor, outcome=str(ReviewState(task.review_state).label), comment=comment
        ),
        url=_url(task),
        actor=actor,
        event=event,
    )
    return task


# ---------------------------------------------------------------- dependencies


def _reaches(start: Task, target: Task) -> bool:
    """Return whether `target` is among the tasks `start` depends on, directly or not."""
    frontier = {start.pk}
    seen: set[int] = set()
    while frontier:
        if target.pk in frontier:
            return True
        seen |= frontier
        frontier = (
            set(
                TaskDependency.objects.filter(task_id__in=frontier).values_list(
                    "depends_on_id", flat=True
                )
            )
            - seen
        )
    return False


@transaction.atomic
def dependency_add(*, actor: User, task: Task, depends_on: Task) -> Task:
    """Make `task` wait for `depends_on`; refuse a cycle."""
    task = _lock(task)
    collab = task.collaboration
    access.require_under_way(collab)
    if not access.may_edit(actor, task):
        raise access.forbidden()
    if depends_on.collaboration_id != collab.pk or depends_on.pk == task.pk:
        raise _invalid(_("Choose another task of this collaboration."), "depends_on")
    if TaskDependency.objects.filter(task=task, depends_on=depends_on).exists():
        return task
    if _reaches(depends_on, task):
        raise DomainError(
            _("%(other)s already depends on this task: that would be a cycle.")
            % {"other": depends_on.number},
            code="conflict",
            field="depends_on",
        )
    TaskDependency.objects.create(task=task, depends_on=depends_on)
    event_record(
        actor=actor,
        verb="task.dependency_added",
        subject=task,
        after={"depends_on": depends_on.number},
        scope=collab,
    )
    return task


@transaction.atomic
def dependency_remove(*, actor: User, task: Task, depends_on: Task) -> Task:
    task = _lock(task)
    collab = task.collaboration
    access.require_under_way(collab)
    if not access.may_edit(actor, task):
        raise access.forbidden()
    deleted, _rows = TaskDependency.objects.filter(task=task, depends_on=depends_on).delete()
    if deleted:
        event_record(
            actor=actor,
            verb="task.dependency_removed",
            subject=task,
            before={"depends_on": depends_on.number},
            scope=collab,
        )
    return task


# ------------------------------------------------------------------- from plan


def _key_rows(version: Any) -> tuple[set[int], set[str]]:
    """Return the WBS rows with an Accountable party and the plan's deliverable names."""
    accountable = set(
        RaciCell.objects.filter(
            version=version, letter=Letter.A, wbs_item__isnull=False
        ).values_list("wbs_item_id", flat=True)
    )
    names = set(Deliverable.objects.filter(version=version).values_list("name", flat=True))
    return accountable, names


@transaction.atomic
def tasks_from_plan(*, actor: User, collaboration: Collaboration) -> list[Task]:
    """Create a task for each WBS row of the effective plan that has none; return the new ones.

    Rows are matched by their cross-version key, so a second call (or a
    later plan version) adds only new rows; the existing tasks are pointed
    at the current version's rows. A row with a deliverable that has an
    Accountable party or is one of the plan's deliverables is a key
    deliverable: its task needs a review.
    """
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    if not access.may_build_from_plan(actor, collab):
        raise access.forbidden()
    version = effective_plan(collab)
    if version is None:
        raise DomainError(_("The collaboration has no plan in effect yet."), code="conflict")
    items = wbs_items(version)
    existing = {
        t.wbs_key: t for t in Task.objects.filter(collaboration=collab, wbs_key__isnull=False)
    }
    relink = []
    for item in items:
        linked = existing.get(item.key)
        if linked is not None and linked.wbs_item_id != item.pk:
            linked.wbs_item_id = item.pk
            relink.append(linked)
    if relink:
        Task.objects.bulk_update(relink, ["wbs_item"])
    accountable, deliverable_names = _key_rows(version)
    lead = lead_of(collab)
    by_key: dict[Any, Task] = dict(existing)
    seq = _next_seq(collab)
    position = _end_position(collab, Status.NOT_STARTED)
    created: list[Task] = []
    for item in items:
        if item.key in by_key:
            continue
        department = item.owner_department
        owner = item.owner or (department.head if department is not None else None)
        owner = owner if owner is not None and owner.is_active else (lead or actor)
        if department is None:
            person = getattr(owner, "person", None)
            department = getattr(person, "department", None) or collab.department
        parent = by_key.get(item.parent.key) if item.parent is not None else None
        task = Task.objects.create(
            collaboration=collab,
            seq=seq,
            number=f"T-{seq:03d}",
            title=item.title[:300],
            description=item.duty,
            owner=owner,
            department=department,
            start_on=item.starts_on,
            due_on=item.ends_on or version.ends_on,
            deliverable=item.deliverable,
            deliverable_standard=item.standard,
            parent=parent,
            wbs_item=item,
            wbs_key=item.key,
            needs_review=bool(item.deliverable)
            and (item.pk in accountable or item.deliverable in deliverable_names),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            position=position,
        )
        seq += 1
        position += 1
        by_key[item.key] = task
        created.append(task)
    if not created and not relink:
        return []
    event = event_record(
        actor=actor,
        verb="tasks.from_plan",
        subject=collab,
        after={"version": version.number, "created": [t.number for t in created]},
        scope=collab,
    )
    for task in created:
        task.collaboration = collab
        schedule.arm_deadlines(task)
        notify(
            recipients=[task.owner],
            kind=kinds.ASSIGNED,
            subject=task,
            params=_params(task, actor),
            url=_url(task),
            actor=actor,
            event=event,
        )
    if created:
        schedule.arm_daily(collab)
    return created


# -------------------------------------------------------------------- progress


@transaction.atomic
def progress_post(
    *, actor: User, task: Task, text: str, percent_done: int | None = None, blocker: str = ""
) -> ProgressUpdate:
    """Record the owner's progress on an open task (每日进度同步)."""
    task = _lock(task)
    collab = task.collaboration
    access.require_under_way(collab)
    if not access.may_post_progress(actor, task):
        raise access.forbidden()
    if not task.is_open:
        raise DomainError(_("The task is done; reopen it to report progress."), code="conflict")
    text = (text or "").strip()
    if not text:
        raise _invalid(_("Say what was done."), "text")
    if percent_done is not None and not 0 <= percent_done <= 100:
        raise _invalid(_("Give a percentage from 0 to 100."), "percent_done")
    update = ProgressUpdate.objects.create(
        task=task,
        author=actor,
        text=text,
        percent_done=percent_done,
        blocker=(blocker or "").strip(),
    )
    before = {"percent_done": task.percent_done}
    if percent_done is not None:
        task.percent_done = percent_done
    task.last_progress_at = update.created_at
    task.save(update_fields=["percent_done", "last_progress_at", "updated_at"])
    event_record(
        actor=actor,
        verb="progress.posted",
        subject=update,
        before=before,
        after={"task": task.number, "percent_done": task.percent_done, "blocker": update.blocker},
        scope=collab,
    )
    return update


@transaction.atomic
def task_settings_set(
    *,
    actor: User,
    collaboration: Collaboration,
    nudge_enabled: bool | None,
    digest_enabled: bool = True,
) -> TaskSettings:
    """Switch the nudges (None: follow the communication plan) and the digest."""
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    if not access.may_configure(actor, collab):
        raise access.forbidden()
    row, _created = TaskSettings.objects.select_for_update().get_or_create(collaboration=collab)
    before = {"nudge_enabled": row.nudge_enabled, "digest_enabled": row.digest_enabled}
    row.nudge_enabled = nudge_enabled
    row.digest_enabled = bool(digest_enabled)
    row.save()
    event_record(
        actor=actor,
        verb="tasks.settings_changed",
        subject=row,
        before=before,
        after={"nudge_enabled": row.nudge_enabled, "digest_enabled": row.digest_enabled},
        scope=collab,
    )
    schedule.arm_daily(collab)
    return row


# ------------------------------------------------- timer-driven (actor: system)


def _contact_of(collab: Collaboration, department_id: int) -> User | None:
    from concord.collaborations.models import ParticipatingDepartment

    pd = (
        ParticipatingDepartment.objects.filter(collaboration=collab, department_id=department_id)
        .select_related("contact")
        .first()
    )
    return pd.contact if pd is not None else None


@transaction.atomic
def task_remind(*, task: Task, due_on: date) -> bool:
    """Remind the owner that the task is due; moot (False) if done or re-dated since."""
    task = _lock(task)
    if not task.is_open or task.due_on != due_on:
        return False
    event = event_record(
        actor=None,
        verb="task.reminded",
        subject=task,
        after={"due_on": due_on},
        scope=task.collaboration,
    )
    notify(
        recipients=[task.owner],
        kind=kinds.REMINDER,
        subject=task,
        params=_params(task),
        url=_url(task),
        event=event,
    )
    return True


@transaction.atomic
def task_warn_overdue(*, task: Task, due_on: date) -> bool:
    """Warn the owner, the department's contact and the lead; moot (False) if done or re-dated."""
    task = _lock(task)
    if not task.is_open or task.due_on != due_on:
        return False
    collab = task.collaboration
    event = event_record(
        actor=None, verb="task.overdue", subject=task, after={"due_on": due_on}, scope=collab
    )
    notify(
        recipients=[task.owner, _contact_of(collab, task.department_id), lead_of(collab)],
        kind=kinds.OVERDUE,
        subject=task,
        params=_params(task, owner=_name(task.owner)),
        url=_url(task),
        event=event,
    )
    return True


def nudge_enabled(collab: Collaboration) -> bool:
    """Return whether owners are nudged: the setting, else whether there is a daily stand-up."""
    from concord.communication.models import CommItem

    row = TaskSettings.objects.filter(collaboration=collab).first()
    if row is not None and row.nudge_enabled is not None:
        return row.nudge_enabled
    return CommItem.objects.filter(plan__collaboration=collab, origin="standup").exists()


def _still_running(collab: Collaboration) -> bool:
    from concord.collaborations import lifecycle

    return collab.state in lifecycle.ACTIVE


@transaction.atomic
def progress_nudge(*, collaboration: Collaboration, day: date) -> int:
    """Nudge owners of active tasks without an update on `day`; arm the next day's nudge.

    Return how many owners were nudged.
    """
    from .selectors import progress_digest

    collab = _lock_collab(collaboration)
    if not _still_running(collab):
        return 0
    _rearm(collab)
    if not workcal.is_working_day(day) or not nudge_enabled(collab):
        return 0
    silent = progress_digest(collab, day).silent
    by_owner: dict[int, list[Task]] = {}
    for task in silent:
        by_owner.setdefault(task.owner_id, []).append(task)
    if not by_owner:
        return 0
    event = event_record(
        actor=None,
        verb="tasks.nudged",
        subject=collab,
        after={"day": day, "tasks": [t.number for t in silent]},
        scope=collab,
    )
    for tasks in by_owner.values():
        notify(
            recipients=[tasks[0].owner],
            kind=kinds.NUDGE,
            subject=collab,
            params={
                "collaboration": str(collab),
                "count": len(tasks),
                "tasks": ", ".join(t.number for t in tasks),
            },
            url=_safe_board_url(collab),
            event=event,
        )
    return len(by_owner)


def _rearm(collab: Collaboration) -> None:
    # A collaboration with no open task needs no daily routine; the next
    # task created arms it again.
    if Task.objects.filter(collaboration=collab, status__in=OPEN).exists():
        schedule.arm_daily(collab)


def _safe_board_url(collab: Collaboration) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("tasks:board", args=[collab.ref])
    except NoReverseMatch:
        return ""


@transaction.atomic
def progress_digest_send(*, collaboration: Collaboration, day: date) -> bool:
    """Send the lead (the initiator while none) the day's digest; arm the next day's."""
    from .selectors import progress_digest

    collab = _lock_collab(collaboration)
    if not _still_running(collab):
        return False
    _rearm(collab)
    settings_row = _settings_for(collab)
    if not workcal.is_working_day(day) or (settings_row and not settings_row.digest_enabled):
        return False
    digest = progress_digest(collab, day)
    if not digest.updates and not digest.blocked and not digest.silent:
        return False
    event = event_record(
        actor=None,
        verb="tasks.digest_sent",
        subject=collab,
        after={"day": day, "updates": len(digest.updates), "silent": len(digest.silent)},
        scope=collab,
    )
    notify(
        recipients=[lead_of(collab) or collab.initiator],
        kind=kinds.DIGEST,
        subject=collab,
        params={
            "collaboration": str(collab),
            "day": day.isoformat(),
            "count": len(digest.updates),
            "blocked": len(digest.blocked),
            "silent": len(digest.silent),
        },
        url=_safe_board_url(collab),
        event=event,
    )
    return True
