"""How a flow's outcome reaches the app whose subject it approves, without signals.

The subject's app registers its callbacks once per purpose, from its
AppConfig.ready():

    hooks.register(
        "collaboration.request",
        on_approved=request_establish_from_flow,
        on_returned=request_mark_returned,
        on_rejected=request_mark_rejected,
    )

`flow_decide` calls the matching callback inside its own transaction, once,
when the flow finishes, with the flow and the acting user; a callback that
raises undoes the decision too. Callbacks write the subject's state change
but no event of their own is required: the decision's event records it
(they may record one on the subject's timeline if they wish). A withdrawal
calls nothing: the subject's own withdraw service started it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from .models import Flow

Callback = Callable[["Flow", Any], None]


@dataclass(frozen=True)
class Hooks:
    on_approved: Callback
    on_returned: Callback
    on_rejected: Callback
    label: "str | Promise" = ""


_HOOKS: dict[str, Hooks] = {}


def register(
    purpose: str,
    *,
    on_approved: Callback,
    on_returned: Callback,
    on_rejected: Callback,
    label: "str | Promise" = "",
) -> None:
    """Register the outcome callbacks of `purpose` (registering again replaces them).

    `label` names the purpose to people (需求立项审批, 计划书会签, ...) wherever a
    flow is shown; without one the purpose key is shown.
    """
    _HOOKS[purpose] = Hooks(on_approved, on_returned, on_rejected, label)


def label_of(purpose: str) -> str:
    hooks = _HOOKS.get(purpose)
    return str(hooks.label) if hooks is not None and hooks.label else purpose


def unregister(purpose: str) -> None:
    _HOOKS.pop(purpose, None)


def get(purpose: str) -> Hooks | None:
    return _HOOKS.get(purpose)
