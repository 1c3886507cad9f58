"""Test-only timer kinds, registered for one test at a time."""

import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import models, transaction
from django.utils import timezone

from concord.timers import registry
from concord.timers.models import Timer
from concord.timers.services import timer_schedule

RECORD = "test.record"


class FireLog:
    """Thread-safe list of the timers a handler was called with."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: list[int] = []

    def __call__(self, timer: Timer) -> None:
        with self._lock:
            self.calls.append(timer.pk)


@pytest.fixture
def fired() -> Iterator[FireLog]:
    """Register the `test.record` kind; yield the log of its calls."""
    log = FireLog()
    with registry.registered(RECORD, log):
        yield log


@pytest.fixture
def handler_for() -> Iterator[Callable[[str, Callable[[Timer], None]], None]]:
    """Register handlers for the test's own kinds; unregister them afterwards."""
    kinds: list[str] = []

    def register(kind: str, func: Callable[[Timer], None]) -> None:
        registry.register(kind, func)
        kinds.append(kind)

    yield register
    for kind in kinds:
        registry.unregister(kind)


def schedule(
    subject: models.Model,
    *,
    kind: str = RECORD,
    due_at: datetime | None = None,
    in_: timedelta = timedelta(0),
    payload: dict[str, Any] | None = None,
) -> Timer:
    """Schedule a timer the way a domain service does: inside a transaction."""
    with transaction.atomic():
        return timer_schedule(
            kind=kind,
            subject=subject,
            due_at=due_at or timezone.now() + in_,
            payload=payload,
        )
