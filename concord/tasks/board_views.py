"""The progress board (进度看板): columns by status, filters and moves over htmx."""

import dataclasses
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError

from . import access, cards, forms, selectors, services
from .models import ReviewState, Status, Task
from .pages import COLUMNS, HtmxHttpRequest, collab_of, found, mover


def _filter_query(request: HttpRequest) -> str:
    keys = ("department", "owner", "milestone", "overdue")
    return urlencode([(k, v) for k in keys for v in request.GET.getlist(k) if v])


def _lagging(collab: Collaboration, by_status: dict[str, list[Task]], filtered: bool) -> list[Task]:
    # The unfiltered board has every task loaded and marked already.
    if filtered:
        return selectors.lagging(collab)
    return selectors.lagging(collab, among=[t for col in by_status.values() for t in col])


def _board_context(request: HttpRequest, collab: Collaboration, **extra: Any) -> dict[str, Any]:
    form = forms.FilterForm(request.GET, collab=collab)
    filters = form.filters()
    by_status = selectors.board(collab, filters=filters)
    may_move = mover(request.user, collab)
    labels = cards.Labels.current()
    from concord.issues.access import can_raise_now

    if not can_raise_now(request.user, collab):
        # No 「提报问题」 link on a blocked card for who may not raise: it would end in a refusal.
        labels = dataclasses.replace(labels, raise_issue="")
    task_base = reverse("tasks:list", args=[collab.ref])
    columns = []
    for index, status in enumerate(COLUMNS):
        tasks = by_status.get(status, [])
        for position, task in enumerate(tasks):
            task.movable = may_move(task)  # type: ignore[attr-defined]
            task.index = position  # type: ignore[attr-defined]
        prev = COLUMNS[index - 1] if index > 0 else None
        after = COLUMNS[index + 1] if index + 1 < len(COLUMNS) else None
        # Made once per column, not per card: a 500-card board must render fast.
        column = cards.Column(
            status=status.value,
            prev=prev.value if prev else None,
            next=after.value if after else None,
            prev_label=_("Move to %(status)s") % {"status": prev.label} if prev else "",
            next_label=_("Move to %(status)s") % {"status": after.label} if after else "",
            options=format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((s.value, " selected" if s == status else "", s.label) for s in COLUMNS),
            ),
        )
        columns.append(
            {
                "status": status,
                "label": status.label,
                "tasks": tasks,
                "cards": cards.render_cards(tasks, column, task_base, labels),
            }
        )
    is_manager = access.is_manager(request.user, collab)
    filtered = any(request.GET.get(k) for k in ("department", "owner", "milestone", "overdue"))
    query = _filter_query(request)
    suffix = f"?{query}" if query else ""
    context = {
        "collab": collab,
        "columns": columns,
        "statuses": COLUMNS,
        "status_label": _("Status"),
        "filter_form": form,
        "move_url": reverse("tasks:move", args=[collab.ref]) + suffix,
        "board_url": reverse("tasks:board", args=[collab.ref]) + suffix,
        "filtered": filtered,
        "task_base": task_base,
        "lagging": _lagging(collab, by_status, filtered) if is_manager else [],
        "can_create": access.may_create(request.user, collab),
        "can_build": access.may_build_from_plan(request.user, collab),
    }
    context.update(extra)
    return context


@login_required
@require_GET
def board(request: HtmxHttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    context = _board_context(request, collab)
    # A filter change swaps the board alone; the address bar keeps the filters.
    template = "tasks/partials/board.html" if request.htmx else "tasks/board.html"
    return render(request, template, context)


def _target_status(task: Task, form: forms.MoveForm, step: str) -> str:
    if step in ("prev", "next") and task.status in COLUMNS:
        index = COLUMNS.index(Status(task.status)) + (1 if step == "next" else -1)
        if 0 <= index < len(COLUMNS):
            return COLUMNS[index]
        return task.status
    return str(form.cleaned_data["status"])


def _place_of(task: Task, status: str, position: int | None, before: str) -> int | None:
    """Return the task's index in the whole column from the card it was dropped above.

    The index the browser saw counts only the cards a filter let through;
    the service wants the index among all the column's tasks.
    """
    if position is None:
        return None
    others = list(
        Task.objects.filter(collaboration_id=task.collaboration_id, status=status)
        .exclude(pk=task.pk)
        .order_by("position", "seq")
        .values_list("number", flat=True)
    )
    before = before.strip().upper()
    return others.index(before) if before in others else len(others)


@login_required
@require_POST
def board_move(request: HtmxHttpRequest, ref: str) -> HttpResponse:
    """Move a card: to a column (and a place in it), or one column left or right.

    Blocking without a reason answers with the board asking for it; a task
    needing review that is moved to done gets its review requested instead.
    """
    collab = collab_of(request, ref)
    data = request.POST.copy()
    step = data.get("step", "")
    if step and not data.get("status"):
        data["status"] = Status.NOT_STARTED  # replaced below; keeps the form valid
    form = forms.MoveForm(data)
    if not form.is_valid():
        return _answer(request, collab, error=_("The move was not understood."), status=400)
    task = found(access.task_for, request.user, collab.ref, form.cleaned_data["task"])
    status = _target_status(task, form, step)
    position = _place_of(task, status, form.cleaned_data["position"], form.cleaned_data["before"])
    reason = form.cleaned_data["blocked_reason"].strip()
    if status == Status.BLOCKED and task.status != Status.BLOCKED and not reason:
        if not access.may_move(request.user, task):
            return _answer(request, collab, error=_("You are not allowed to do this."), status=403)
        return _answer(request, collab, asking={"task": task, "position": position, "form": form})
    blocked_by = None
    if form.cleaned_data["blocked_by"]:
        try:
            blocked_by = access.task_for(request.user, collab.ref, form.cleaned_data["blocked_by"])
        except DomainError:
            return _answer(
                request, collab, error=_("There is no such task to block on."), status=400
            )
    try:
        moved = services.task_move(
            actor=request.user,
            task=task,
            status=status,
            position=position,
            blocked_reason=reason,
            blocked_by_task=blocked_by,
        )
    except DomainError as exc:
        return _answer(request, collab, error=str(exc.message), status=exc.status)
    notice = ""
    review = status == Status.DONE and moved.status != Status.DONE
    if review and moved.review_state == ReviewState.REQUESTED:
        notice = _("%(number)s needs a review before it counts as done: review requested.") % {
            "number": moved.number
        }
    return _answer(request, collab, notice=notice)


def _answer(
    request: HtmxHttpRequest,
    collab: Collaboration,
    *,
    error: str = "",
    notice: str = "",
    asking: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    if request.htmx:
        context = _board_context(request, collab, error=error, notice=notice, asking=asking)
        return render(request, "tasks/partials/board.html", context, status=status)
    # Without htmx: a message and back to the board; blocking asks on the task's page.
    if asking is not None:
        messages.warning(request, _("Say why the task is blocked."))
        return redirect(asking["task"].get_absolute_url() + "#move")
    if error:
        messages.error(request, error)
    elif notice:
        messages.info(request, notice)
    back = request.POST.get("task", "") if request.POST.get("back") == "task" else ""
    if back:
        return redirect("tasks:detail", ref=collab.ref, number=back)
    url = reverse("tasks:board", args=[collab.ref])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)
