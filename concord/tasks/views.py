"""Task pages: list, detail, create and edit, progress, review, dependencies, plan."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.lib.errors import DomainError

from . import access, forms, selectors, services
from .models import ReviewState, Task
from .pages import COLUMNS, HtmxHttpRequest, collab_of, mover, show_errors, task_of


def _forbidden(request: HttpRequest, url: str) -> HttpResponse:
    messages.error(request, _("You are not allowed to do this."))
    return redirect(url)


@login_required
@require_GET
def task_list(request: HtmxHttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    form = forms.FilterForm(request.GET, collab=collab)
    order = form.ordering()
    tasks = selectors.task_list(request.user, collab, filters=form.filters(), order=order)
    context = {
        "collab": collab,
        "filter_form": form,
        "tasks": tasks,
        "order": order,
        "orders": forms.ORDERS,
        "task_base": reverse("tasks:list", args=[collab.ref]),
        "can_create": access.may_create(request.user, collab),
        "can_build": access.may_build_from_plan(request.user, collab),
    }
    template = "tasks/partials/list_rows.html" if request.htmx else "tasks/list.html"
    return render(request, template, context)


def _detail_context(request: HttpRequest, task: Task, **extra: Any) -> dict[str, Any]:
    user = request.user
    collab = task.collaboration
    movable = mover(user, collab)(task)
    context = {
        "collab": collab,
        "task": task,
        "subtasks": list(task.subtasks.select_related("owner__person", "department")),
        "dependencies": list(task.dependencies.select_related("depends_on")),
        "dependents": list(task.dependents.select_related("task")),
        "updates": list(task.updates.select_related("author__person")[:50]),
        "statuses": COLUMNS,
        "can_move": movable,
        "can_edit": access.may_edit(user, task),
        "can_post": access.may_post_progress(user, task),
        "can_review": task.review_state == ReviewState.REQUESTED and access.may_review(user, task),
        "progress_form": forms.ProgressForm(initial={"percent_done": task.percent_done}),
        "review_form": forms.ReviewForm(),
        "dependency_form": forms.DependencyForm(),
        "move_form": forms.MoveForm(initial={"task": task.number, "status": task.status}),
        "move_url": reverse("tasks:move", args=[collab.ref]),
    }
    context.update(extra)
    return context


@login_required
@require_GET
def task_detail(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    task = task_of(request, ref, number)
    return render(request, "tasks/detail.html", _detail_context(request, task))


def _task_values(form: forms.TaskForm) -> dict[str, Any]:
    return dict(form.cleaned_data)


@login_required
@require_http_methods(["GET", "POST"])
def task_new(request: HttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    if not access.may_create(request.user, collab):
        return _forbidden(request, reverse("tasks:board", args=[collab.ref]))
    initial: dict[str, Any] = {"priority": "normal"}
    parent = request.GET.get("parent", "")
    if parent:
        initial["parent"] = Task.objects.filter(collaboration=collab, number=parent).first()
    form = forms.TaskForm(request.POST or None, collab=collab, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            task = services.task_create(
                actor=request.user, collaboration=collab, **_task_values(form)
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Task %(number)s was created.") % {"number": task.number})
            return redirect(task.get_absolute_url())
    return render(request, "tasks/form.html", {"collab": collab, "form": form, "task": None})


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    task = task_of(request, ref, number)
    collab = task.collaboration
    if not (
        access.may_edit(request.user, task)
        or access.may_edit(request.user, task, access.OWNER_FIELDS)
    ):
        return _forbidden(request, task.get_absolute_url())
    form = forms.TaskForm(
        request.POST or None, collab=collab, task=task, initial=forms.initial_of(task)
    )
    if request.method == "POST" and form.is_valid():
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            if changed:
                task = services.task_update(actor=request.user, task=task, **changed)
        except DomainError as exc:
            show_errors(form, exc)
        else:
            if changed:
                messages.success(request, _("Saved."))
            return redirect(task.get_absolute_url())
    return render(request, "tasks/form.html", {"collab": collab, "form": form, "task": task})


@login_required
@require_POST
def progress_post(request: HtmxHttpRequest, ref: str, number: str) -> HttpResponse:
    task = task_of(request, ref, number)
    form = forms.ProgressForm(request.POST)
    status = 200
    if form.is_valid():
        try:
            services.progress_post(actor=request.user, task=task, **form.cleaned_data)
        except DomainError as exc:
            show_errors(form, exc)
            status = exc.status
        else:
            task = task_of(request, ref, number)
            form = forms.ProgressForm(initial={"percent_done": task.percent_done})
            if not request.htmx:
                messages.success(request, _("Progress posted."))
    else:
        status = 400
    if not request.htmx:
        for error in form.non_field_errors():
            messages.error(request, str(error))
        return redirect(task.get_absolute_url() + "#progress")
    context = _detail_context(request, task, progress_form=form)
    return render(request, "tasks/partials/progress.html", context, status=status)


@login_required
@require_POST
def task_review(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    task = task_of(request, ref, number)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or send back."))
        return redirect(task.get_absolute_url())
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.task_review(
            actor=request.user, task=task, approve=approve, comment=form.cleaned_data["comment"]
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(
            request, _("Approved: the task is done.") if approve else _("Sent back to the owner.")
        )
    return redirect(task.get_absolute_url())


@login_required
@require_POST
def dependency_add(request: HttpRequest, ref: str, number: str) -> HttpResponse:
    task = task_of(request, ref, number)
    form = forms.DependencyForm(request.POST)
    if form.is_valid():
        try:
            other = access.task_for(
                request.user, task.collaboration.ref, form.cleaned_data["depends_on"]
            )
            services.dependency_add(actor=request.user, task=task, depends_on=other)
        except DomainError as exc:
            messages.error(request, str(exc.message))
    else:
        messages.error(request, _("Give the number of a task, e.g. T-001."))
    return redirect(task.get_absolute_url() + "#dependencies")


@login_required
@require_POST
def dependency_remove(request: HttpRequest, ref: str, number: str, other: str) -> HttpResponse:
    task = task_of(request, ref, number)
    try:
        depends_on = access.task_for(request.user, task.collaboration.ref, other)
        services.dependency_remove(actor=request.user, task=task, depends_on=depends_on)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return redirect(task.get_absolute_url() + "#dependencies")


@login_required
@require_POST
def from_plan(request: HttpRequest, ref: str) -> HttpResponse:
    collab = collab_of(request, ref)
    try:
        created = services.tasks_from_plan(actor=request.user, collaboration=collab)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)d task was created from the plan.",
                    "%(count)d tasks were created from the plan.",
                    len(created),
                )
                % {"count": len(created)},
            )
        else:
            messages.info(request, _("Every task of the plan already has its task."))
    return redirect("tasks:board", ref=collab.ref)
