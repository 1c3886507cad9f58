"""Which function fires a timer of each kind.

Apps register their handlers at import time, from a `timers.py` (or
`handlers.py`) module imported in their AppConfig.ready():

    @handler("tasks.remind")
    def remind(timer: Timer) -> None:
        task = Task.objects.select_for_update().get(pk=timer.subject_id)
        if task.state != Task.State.OPEN:
            return  # moot: the task was closed after the timer was set
        task_remind(actor=None, task=task)

A handler runs inside the sweep's transaction for that one timer, with the
Timer row locked. It MUST re-check its subject's state: the subject may have
changed since the timer was scheduled, and a moot timer simply returns. If
the handler raises, its work is rolled back and the timer is retried later.
(The timer is already marked fired when the handler sees it; that claim is
undone too if it raises.)
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concord.timers.models import Timer

    Handler = Callable[[Timer], None]
else:
    Handler = Callable[..., None]

F = TypeVar("F", bound=Callable[..., None])

_HANDLERS: dict[str, Handler] = {}


class DuplicateHandler(Exception):
    """Two handlers claimed the same timer kind."""


def handler(kind: str) -> Callable[[F], F]:
    """Register the decorated function as the handler of timers of `kind`."""

    def decorate(func: F) -> F:
        register(kind, func)
        return func

    return decorate


def register(kind: str, func: Handler) -> None:
    existing = _HANDLERS.get(kind)
    # Re-importing the same module (autoreload, tests) registers the same
    # function again; that is harmless, a different function is a bug.
    if existing is not None and _qualname(existing) != _qualname(func):
        raise DuplicateHandler(
            f"timer kind {kind!r} already has a handler: {_qualname(existing)}; "
            f"refusing {_qualname(func)}"
        )
    _HANDLERS[kind] = func


def unregister(kind: str) -> None:
    _HANDLERS.pop(kind, None)


def get(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)


def kinds() -> list[str]:
    return sorted(_HANDLERS)


@contextmanager
def registered(kind: str, func: Handler) -> Iterator[Handler]:
    """Register `func` for `kind` for the duration of a block (for tests)."""
    register(kind, func)
    try:
        yield func
    finally:
        unregister(kind)


def _qualname(func: Callable[..., object]) -> str:
    return f"{func.__module__}.{func.__qualname__}"
