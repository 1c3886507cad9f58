"""What the task pages share: fetching through access, errors, who may move which card."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest
from django_htmx.middleware import HtmxDetails

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError

from . import access
from .models import Status, Task

#: The board's columns, left to right; the arrows on a card step along them.
COLUMNS = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.BLOCKED]


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def found(call: Callable[..., Any], *args: Any) -> Any:
    """Call an access function; a hidden or missing object becomes a 404 page."""
    try:
        return call(*args)
    except DomainError as exc:
        if exc.code == "not_found":
            raise Http404(str(exc.message)) from None
        raise


def collab_of(request: HttpRequest, ref: str) -> Collaboration:
    return found(collaboration_for, request.user, ref)


def task_of(request: HttpRequest, ref: str, number: str) -> Task:
    return found(access.task_for, request.user, ref, number)


def show_errors(form: Any, exc: DomainError) -> None:
    """Put a domain error on the form field it names, or on the form."""
    placed = False
    for field, msgs in exc.details.items():
        if field in form.fields:
            for msg in msgs:
                form.add_error(field, msg)
                placed = True
    if not placed:
        form.add_error(None, str(exc.message))


def mover(user: Any, collab: Collaboration) -> Callable[[Task], bool]:
    """Return `may_move` for many cards of one collaboration at a constant cost.

    `access.may_move` asks the database about the team and the departments
    for every task; a 500-card board asks once per department here instead.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return lambda task: False
    if access.is_manager(user, collab):
        return lambda task: True
    mine = {
        pd.department_id
        for pd in collab.departments.all()
        if access.speaks_for_department(user, collab, pd.department_id)
    }
    return lambda task: task.owner_id == user.pk or task.department_id in mine
