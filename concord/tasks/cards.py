"""The board's cards, rendered in Python.

A board holds hundreds of cards, and the template engine spends most of a
500-card board's time resolving the same few dozen lookups per card. The
markup here is the card of `tasks/partials/board.html`, built with
`escape` once per value; everything that is the same for every card of a
column (labels, the status options) is made once per column.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Priority, ReviewState, Status, Task


@dataclass(frozen=True)
class Labels:
    """Translated words every card may use; made once per request."""

    overdue: str
    behind: str
    review_requested: str
    status: str
    priorities: dict[str, str]
    raise_issue: str = ""

    @classmethod
    def current(cls) -> "Labels":
        return cls(
            overdue=escape(_("Overdue")),
            behind=escape(_("Behind plan")),
            review_requested=escape(_("Review requested")),
            status=escape(_("Status")),
            priorities={p.value: escape(p.label) for p in Priority},
            # Translators: 提报问题 — from a blocked card to the issue log
            raise_issue=escape(_("Raise an issue")),
        )


@dataclass(frozen=True)
class Column:
    status: str
    prev: str | None
    next: str | None
    prev_label: str
    next_label: str
    options: str


DUE_TONE = {"overdue": "text-danger fw-semibold", "behind": "text-warning-emphasis fw-semibold"}
LAG_ID = 'data-testid="card-lag"'


def _move_controls(col: Column, labels: Labels) -> str:
    prev = (
        f'<button type="button" class="btn btn-sm btn-outline-secondary btn-move" '
        f'value="{col.prev}" aria-label="{escape(col.prev_label)}" '
        f'title="{escape(col.prev_label)}" data-testid="move-prev">&larr;</button>'
        if col.prev
        else ""
    )
    after = (
        f'<button type="button" class="btn btn-sm btn-outline-secondary btn-move" '
        f'value="{col.next}" aria-label="{escape(col.next_label)}" '
        f'title="{escape(col.next_label)}" data-testid="move-next">&rarr;</button>'
        if col.next
        else ""
    )
    return (
        f'<div class="d-flex gap-1 mt-1" data-move>{prev}'
        f'<select class="form-select form-select-sm py-0" aria-label="{labels.status}" '
        f'data-testid="move-select">{col.options}</select>{after}</div>'
    )


def _card(task: Task, col: Column, task_base: str, labels: Labels, controls: str) -> str:
    lag = getattr(task, "lag", "")
    movable = getattr(task, "movable", False)
    owner = task.owner
    person = getattr(owner, "person", None)
    owner_name = escape(person.name if person is not None else owner.get_username())
    number = escape(task.number)
    department = escape(task.department.name)
    priority = ""
    if task.priority in (Priority.URGENT, Priority.HIGH):
        tone = "danger" if task.priority == Priority.URGENT else "warning"
        priority = (
            f'<span class="badge text-bg-{tone} ms-auto">{labels.priorities[task.priority]}</span>'
        )
    due = ""
    if task.due_on:
        due = (
            f'<span class="{DUE_TONE.get(lag, "")}" data-testid="card-due">'
            f"{task.due_on:%Y-%m-%d}</span>"
        )
    badges = ""
    if lag == "overdue":
        badges += (
            f'<span class="badge text-bg-danger" data-testid="card-lag">{labels.overdue}</span>'
        )
    elif lag == "behind":
        badges += (
            f'<span class="badge text-bg-warning" data-testid="card-lag">{labels.behind}</span>'
        )
    if task.review_state == ReviewState.REQUESTED:
        badges += (
            f'<span class="badge text-bg-info" data-testid="card-review">'
            f"{labels.review_requested}</span>"
        )
    if task.percent_done:
        badges += f'<span class="text-body-secondary">{task.percent_done}%</span>'
    blocked = ""
    if task.status == Status.BLOCKED and task.blocked_reason:
        reason = escape(task.blocked_reason)
        blocked = (
            f'<div class="small text-danger-emphasis text-truncate" title="{reason}">{reason}</div>'
        )
    if task.status == Status.BLOCKED and labels.raise_issue:
        issues_new = escape(task_base.removesuffix("tasks/")) + "issues/new/?task=" + number
        blocked += (
            f'<a class="small link-danger" href="{issues_new}" data-testid="card-raise-issue">'
            f"{labels.raise_issue}</a>"
        )
    drag = ' data-board-card draggable="true"' if movable else ""
    lag_class = f" lag-{lag}" if lag else ""
    return (
        f'<li class="card board-card{lag_class}" data-testid="card" data-task="{number}" '
        f'data-status="{col.status}" data-index="{getattr(task, "index", 0)}"{drag}>'
        f'<div class="card-body p-2"><div class="d-flex gap-1 align-items-start">'
        f'<a class="fw-semibold text-decoration-none" href="{escape(task_base)}{number}/" '
        f'data-testid="card-title"><span class="text-body-secondary">{number}</span> '
        f"{escape(task.title)}</a>{priority}</div>"
        f'<div class="small text-body-secondary">{owner_name} · {department}</div>'
        f'<div class="small d-flex flex-wrap align-items-center column-gap-2">{due}{badges}</div>'
        f"{blocked}"
        f"{controls if movable else ''}</div></li>"
    )


def render_cards(tasks: Iterable[Task], col: Column, task_base: str, labels: Labels) -> SafeString:
    """Return the `<li>` cards of one column; every value is escaped here."""
    controls = _move_controls(col, labels)
    return mark_safe("".join(_card(t, col, task_base, labels, controls) for t in tasks))
