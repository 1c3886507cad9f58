"""Reads of tasks. The collaboration passed in was already fetched through access.

Every list is loaded in a constant number of queries whatever its length;
`lag` is set on each task: "overdue" (past its due date and open), "behind"
(behind the plan: not started after its start date, re-dated past its WBS
row's end, or its percent done well short of the time elapsed) or "".
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from concord.collaborations import lifecycle
from concord.collaborations.models import Collaboration
from concord.lib import workcal

from .models import ACTIVE, OPEN, ProgressUpdate, ReviewState, Status, Task

#: How far (percentage points) progress may trail the time elapsed before it is "behind".
BEHIND_MARGIN = 25


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
    # "task", "review", "approval", "signoff", "acknowledgement", "issue",
    # "issue_confirm", "minutes"
    kind: str
    title: str
    url: str
    due: date | None
    collaboration: Collaboration | None
    urgency: int  # 0 overdue, 1 due within a working day or blocked, 2 soon, 3 later
    obj: Any


def _today() -> date:
    return timezone.localdate()


def lag_of(task: Task, today: date | None = None) -> str:
    """Return "overdue", "behind" or "" for the task (see the module docstring)."""
    today = today or _today()
    if task.status not in OPEN:
        return ""
    if task.due_on is not None and task.due_on < today:
        return "overdue"
    if task.status == Status.NOT_STARTED and task.start_on is not None and task.start_on < today:
        return "behind"
    planned_end = task.wbs_item.ends_on if task.wbs_item_id and task.wbs_item else None
    if planned_end is not None and task.due_on is not None and task.due_on > planned_end:
        return "behind"
    if task.start_on and task.due_on and task.start_on <= today <= task.due_on:
        span = (task.due_on - task.start_on).days or 1
        expected = 100 * (today - task.start_on).days / span
        if task.percent_done + BEHIND_MARGIN < expected:
            return "behind"
    return ""


def _mark(tasks: list[Task], today: date | None = None) -> list[Task]:
    today = today or _today()
    for task in tasks:
        task.lag = lag_of(task, today)  # type: ignore[attr-defined]
    return tasks


def _base(collab: Collaboration) -> QuerySet[Task]:
    return Task.objects.filter(collaboration=collab).select_related(
        "owner__person", "department", "wbs_item", "milestone", "reviewer"
    )


def _filtered(qs: QuerySet[Task], filters: TaskFilters | None) -> QuerySet[Task]:
    if filters is None:
        return qs
    if filters.department:
        qs = qs.filter(department_id=filters.department)
    if filters.owner:
        qs = qs.filter(owner_id=filters.owner)
    if filters.milestone:
        qs = qs.filter(milestone_id=filters.milestone)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.overdue:
        qs = qs.filter(status__in=OPEN, due_on__lt=_today())
    if filters.q:
        qs = qs.filter(
            Q(title__icontains=filters.q)
            | Q(number__iexact=filters.q)
            | Q(deliverable__icontains=filters.q)
        )
    return qs


def board(collab: Collaboration, *, filters: TaskFilters | None = None) -> dict[str, list[Task]]:
    """Return the tasks by status column, each column in board order; one query."""
    columns: dict[str, list[Task]] = {status: [] for status in Status.values}
    # A card shows no milestone or reviewer: joining them would build two
    # more model instances per card, which a 500-card board feels.
    qs = (
        Task.objects.filter(collaboration=collab)
        .select_related("owner__person", "department", "wbs_item")
        .defer("description", "deliverable_standard")
    )
    tasks = _mark(list(_filtered(qs, filters).order_by("position", "seq")))
    for task in tasks:
        task.collaboration = collab
        columns[task.status].append(task)
    return columns


_PRIORITY_RANK = Case(
    When(priority="urgent", then=Value(0)),
    When(priority="high", then=Value(1)),
    When(priority="normal", then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)

#: Sort keys of the list view; a leading "-" reverses.
ORDERS = {
    "due_on": ("due_on", "seq"),
    "number": ("seq",),
    "title": ("title", "seq"),
    "owner": ("owner__person__name", "owner__username", "seq"),
    "department": ("department__name", "seq"),
    "status": ("status", "seq"),
    "priority": ("priority_rank", "due_on", "seq"),
    "percent_done": ("percent_done", "seq"),
    "updated": ("updated_at", "seq"),
}


def task_list(
    user: Any, collab: Collaboration, *, filters: TaskFilters | None = None, order: str = "due_on"
) -> list[Task]:
    """Return the collaboration's tasks filtered and sorted by `order` (see ORDERS)."""
    descending = order.startswith("-")
    keys = ORDERS.get(order.lstrip("-"), ORDERS["due_on"])
    qs = _filtered(_base(collab), filters).annotate(priority_rank=_PRIORITY_RANK)
    ordering = [f"-{k}" for k in keys] if descending else list(keys)
    tasks = _mark(list(qs.order_by(*ordering)))
    for task in tasks:
        task.collaboration = collab
    return tasks


def lagging(collab: Collaboration, *, among: Iterable[Task] | None = None) -> list[Task]:
    """Return the open tasks that are overdue or behind the plan, most overdue first.

    `among`: tasks already loaded and marked (the whole board, unfiltered),
    so the board does not load every task a second time.
    """
    if among is None:
        tasks = _mark(list(_base(collab).filter(status__in=OPEN).order_by("due_on", "seq")))
    else:
        tasks = sorted(
            (t for t in among if t.status in OPEN),
            key=lambda t: (t.due_on is None, t.due_on or date.max, t.seq),
        )
    flagged = [t for t in tasks if t.lag]  # type: ignore[attr-defined]
    for task in flagged:
        task.collaboration = collab
    return flagged


# ------------------------------------------------------------------- my work


def _urgency(
    due: date | None, today: date, *, blocked: bool = False, cal: workcal.Calendar | None = None
) -> int:
    if due is not None and due < today:
        return 0
    if blocked:
        return 1
    if due is None:
        return 3
    if due <= (cal or workcal.calendar()).next_working_day(today):
        return 1
    if (due - today).days <= 7:
        return 2
    return 3


def _safe_reverse(name: str, *args: Any) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _task_items(user: Any, today: date, cal: workcal.Calendar) -> list[WorkItem]:
    tasks = (
        Task.objects.filter(
            Q(owner=user, status__in=OPEN) | Q(reviewer=user, review_state=ReviewState.REQUESTED),
            collaboration__state__in=lifecycle.ACTIVE,
        )
        .select_related("collaboration")
        .order_by("due_on", "seq")
    )
    items = []
    for task in tasks:
        url = _safe_reverse("tasks:detail", task.collaboration.ref, task.number)
        if task.reviewer_id == user.pk and task.review_state == ReviewState.REQUESTED:
            items.append(
                WorkItem("review", str(task), url, task.due_on, task.collaboration, 1, task)
            )
        if task.owner_id == user.pk and task.status in OPEN:
            urgency = _urgency(task.due_on, today, blocked=task.status == Status.BLOCKED, cal=cal)
            items.append(
                WorkItem("task", str(task), url, task.due_on, task.collaboration, urgency, task)
            )
    return items


def _approval_items(user: Any, today: date, cal: workcal.Calendar) -> list[WorkItem]:
    from concord.approvals.selectors import waiting_for

    items = []
    for step in waiting_for(user)[:500]:
        flow = step.flow
        activated = timezone.localtime(step.activated_at).date() if step.activated_at else today
        due = activated
        for _i in range(step.remind_after_working_days):
            due = cal.next_working_day(due)
        kind = "signoff" if flow.purpose == "planning.signoff" else "approval"
        items.append(
            WorkItem(
                kind,
                flow.subject_repr,
                _safe_reverse("approvals:flow", flow.pk),
                due,
                None,
                _urgency(due, today, cal=cal),
                step,
            )
        )
    return items


def _ack_items(user: Any, today: date, cal: workcal.Calendar) -> list[WorkItem]:
    from concord.changes.models import ChangeAcknowledgement, NoticeState

    acks = ChangeAcknowledgement.objects.filter(
        user=user, acknowledged_at__isnull=True, notice__state=NoticeState.ISSUED
    ).select_related("notice__collaboration")
    items = []
    for ack in acks:
        notice = ack.notice
        items.append(
            WorkItem(
                "acknowledgement",
                str(notice),
                _safe_reverse("changes:notice", notice.collaboration.ref, notice.number),
                notice.effective_on,
                notice.collaboration,
                _urgency(notice.effective_on, today, cal=cal),
                ack,
            )
        )
    return items


def _issue_items(user: Any, today: date, cal: workcal.Calendar) -> list[WorkItem]:
    """Issues the user handles now, and resolved ones they raised that wait for their word."""
    from concord.issues.models import ACTIVE as ISSUE_ACTIVE
    from concord.issues.models import Issue
    from concord.issues.models import Status as IssueStatus

    issues = Issue.objects.filter(
        Q(handler=user, status__in=ISSUE_ACTIVE)
        | (Q(raised_by=user, status=IssueStatus.RESOLVED) & ~Q(resolved_by=user)),
        collaboration__state__in=lifecycle.ACTIVE,
    ).select_related("collaboration")
    items = []
    for issue in issues:
        if issue.status == IssueStatus.RESOLVED:
            items.append(
                WorkItem(
                    "issue_confirm", str(issue), issue.get_absolute_url(), None,
                    issue.collaboration, 2, issue,
                )
            )  # fmt: skip
            continue
        due = timezone.localtime(issue.due_at).date() if issue.due_at else None
        items.append(
            WorkItem(
                "issue", str(issue), issue.get_absolute_url(), due, issue.collaboration,
                _urgency(due, today, cal=cal), issue,
            )
        )  # fmt: skip
    return items


def _minutes_items(user: Any, today: date, cal: workcal.Calendar) -> list[WorkItem]:
    """Published minutes the user attended and has neither confirmed nor objected to, in time."""
    from concord.meetings.models import Attendee
    from concord.meetings.models import Status as MeetingStatus

    rows = Attendee.objects.filter(
        user=user,
        confirmed_at__isnull=True,
        objection="",
        meeting__status=MeetingStatus.PUBLISHED,
        meeting__confirm_by__gte=timezone.now(),
        meeting__collaboration__state__in=lifecycle.ACTIVE,
    ).select_related("meeting__collaboration")
    items = []
    for row in rows:
        meeting = row.meeting
        due = timezone.localtime(meeting.confirm_by).date() if meeting.confirm_by else None
        items.append(
            WorkItem(
                "minutes", meeting.title, meeting.get_absolute_url() + "#confirmations", due,
                meeting.collaboration, _urgency(due, today, cal=cal), row,
            )
        )  # fmt: skip
    return items


def my_work(user: Any) -> list[WorkItem]:
    """Return everything `user` must do across collaborations, most urgent first.

    Open tasks they own, reviews asked of them, approvals and plan sign-offs
    waiting for them, change notices to acknowledge, issues they handle,
    resolutions of issues they raised to confirm, published minutes to
    confirm; a constant number of queries whatever the count.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    today = _today()
    # One calendar for the whole list: each fresh one loads the overrides again.
    cal = workcal.calendar()
    items = [
        *_task_items(user, today, cal),
        *_approval_items(user, today, cal),
        *_ack_items(user, today, cal),
        *_issue_items(user, today, cal),
        *_minutes_items(user, today, cal),
    ]
    far = date.max
    items.sort(key=lambda i: (i.urgency, i.due or far, i.title))
    return items


# --------------------------------------------------------------------- gantt


@dataclass
class GanttRow:
    task: Task
    code: str
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    percent_done: int
    lag: str


@dataclass
class Gantt:
    start: date | None
    end: date | None
    today: date
    rows: list[GanttRow] = field(default_factory=list)
    milestones: list[Any] = field(default_factory=list)


def _local_date(value: datetime | None) -> date | None:
    return timezone.localtime(value).date() if value else None


def gantt(collab: Collaboration) -> Gantt:
    """Return planned (plan's WBS dates, else the task's) against actual bars, and milestones.

    The actual bar runs from when work started to when it was done (today
    while open).
    """
    from concord.planning.selectors import effective_plan

    today = _today()
    tasks = _mark(list(_base(collab).order_by("parent_id", "position", "seq")), today)
    version = effective_plan(collab)
    milestones = list(version.milestones.all()) if version is not None else []
    rows = []
    for task in tasks:
        task.collaboration = collab
        wbs = task.wbs_item
        planned_start = (wbs.starts_on if wbs else None) or task.start_on
        planned_end = (wbs.ends_on if wbs else None) or task.due_on
        started = _local_date(task.started_at)
        ended = _local_date(task.done_at) if task.status == Status.DONE else None
        rows.append(
            GanttRow(
                task=task,
                code=task.number,
                planned_start=planned_start or planned_end,
                planned_end=planned_end or planned_start,
                actual_start=started,
                actual_end=ended or (today if started else None),
                percent_done=task.percent_done,
                lag=task.lag,  # type: ignore[attr-defined]
            )
        )
    dates = [
        d
        for r in rows
        for d in (r.planned_start, r.planned_end, r.actual_start, r.actual_end)
        if d is not None
    ] + [m.due_on for m in milestones]
    return Gantt(
        start=min(dates) if dates else None,
        end=max(dates) if dates else None,
        today=today,
        rows=rows,
        milestones=milestones,
    )


# ------------------------------------------------------------ daily progress


@dataclass
class Digest:
    collaboration: Collaboration
    day: date
    updates: list[ProgressUpdate]
    blocked: list[Task]
    silent: list[Task]  # active tasks without an update that day


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(day, time.min), tz)
    end = timezone.make_aware(datetime.combine(day, time.max), tz)
    return start, end


def progress_digest(collab: Collaboration, day: date) -> Digest:
    """Return the day's progress updates, the blocked tasks and the active tasks without one."""
    start, end = _day_bounds(day)
    updates = list(
        ProgressUpdate.objects.filter(task__collaboration=collab, created_at__range=(start, end))
        .select_related("task__owner__person", "author__person")
        .order_by("task__seq", "created_at")
    )
    updated = {u.task_id for u in updates}
    active = list(_base(collab).filter(status__in=ACTIVE).order_by("seq"))
    return Digest(
        collaboration=collab,
        day=day,
        updates=updates,
        blocked=[t for t in active if t.status == Status.BLOCKED],
        silent=[t for t in active if t.pk not in updated],
    )


def updates_of(task: Task) -> list[ProgressUpdate]:
    """Return the task's progress updates, newest first."""
    return list(task.updates.select_related("author__person").order_by("-created_at", "-id"))


def dependencies_of(task: Task) -> list[Task]:
    return list(Task.objects.filter(dependents__task=task).order_by("seq"))


def subtasks_of(task: Task) -> list[Task]:
    return _mark(list(task.subtasks.select_related("owner__person", "department").order_by("seq")))
