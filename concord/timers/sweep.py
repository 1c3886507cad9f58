"""The sweep: fire every due pending timer exactly once.

Each timer is claimed and fired in its own short transaction:

1. lock the next due pending row (`FOR UPDATE SKIP LOCKED` on PostgreSQL,
   so concurrent sweeps take different rows instead of waiting; SQLite
   serialises writers with BEGIN IMMEDIATE, so the state check suffices);
2. call the handler registered for its kind, inside a savepoint;
3. mark it fired, or, if the handler raised, roll its work back to the
   savepoint and schedule a retry (or give up after MAX_ATTEMPTS).

Finding the next row uses the partial index on pending `due_at`, so a sweep
costs O(due rows) however many timers wait in the future.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from concord.timers import registry
from concord.timers.models import Timer

logger = logging.getLogger(__name__)

# Minutes to wait before the next attempt after the n-th failure.
BACKOFF_MINUTES = (1, 5, 30, 120, 360, 720, 1440)
MAX_ATTEMPTS = 8
HEARTBEAT_KEY = "concord.timers.last_sweep"


class Outcome(Enum):
    FIRED = "fired"
    RETRY = "retry"
    FAILED = "failed"


@dataclass
class SweepResult:
    fired: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def claimed(self) -> int:
        return self.fired + self.retried + self.failed

    def add(self, outcome: Outcome) -> None:
        if outcome is Outcome.FIRED:
            self.fired += 1
        elif outcome is Outcome.RETRY:
            self.retried += 1
        else:
            self.failed += 1


def sweep(*, now: datetime | None = None, limit: int | None = None) -> SweepResult:
    """Fire up to `limit` timers due at `now`; return what happened."""
    from django.conf import settings

    now = now or timezone.now()
    limit = settings.CONCORD_SWEEP_BATCH if limit is None else limit
    result = SweepResult()
    while result.claimed < limit:
        outcome = _fire_next(now)
        if outcome is None:
            break
        result.add(outcome)
    cache.set(HEARTBEAT_KEY, timezone.now(), timeout=None)
    if result.claimed:
        logger.info(
            "sweep: %d fired, %d to retry, %d failed", result.fired, result.retried, result.failed
        )
    return result


def backoff(attempts: int) -> timedelta:
    """Return how long to wait before retrying after `attempts` failures."""
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[index])


def _fire_next(now: datetime) -> Outcome | None:
    with transaction.atomic():
        timer = _claim_next(now)
        if timer is None:
            return None
        func = registry.get(timer.kind)
        if func is None:
            # Retrying cannot help until code changes; say so and move on.
            error = f"no handler is registered for timer kind {timer.kind!r}"
            logger.error("timer %s failed: %s", timer.pk, error)
            _save(timer, state=Timer.State.FAILED, attempts=timer.attempts + 1, last_error=error)
            return Outcome.FAILED
        # Marked fired before the handler runs, so that a sweep started on
        # this same connection (which our own row lock does not stop) finds
        # nothing to do; a failure puts the timer back to pending.
        _save(timer, state=Timer.State.FIRED, fired_at=timezone.now())
        try:
            # The savepoint undoes a failing handler's writes while keeping
            # the row lock, so no other sweep can grab the timer meanwhile.
            with transaction.atomic():
                func(timer)
        except Exception as exc:
            return _record_failure(timer, exc, now)
        return Outcome.FIRED


def _claim_next(now: datetime) -> Timer | None:
    due = Timer.objects.filter(state=Timer.State.PENDING, due_at__lte=now).order_by("due_at", "id")
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True)
    return due.first()


def _record_failure(timer: Timer, exc: Exception, now: datetime) -> Outcome:
    attempts = timer.attempts + 1
    error = f"{type(exc).__name__}: {exc}"[:2000]
    if attempts >= MAX_ATTEMPTS:
        logger.exception(
            "timer %s (%s) failed for good after %d attempts", timer.pk, timer.kind, attempts
        )
        _save(timer, state=Timer.State.FAILED, fired_at=None, attempts=attempts, last_error=error)
        return Outcome.FAILED
    logger.exception("timer %s (%s) failed, attempt %d; will retry", timer.pk, timer.kind, attempts)
    _save(
        timer,
        state=Timer.State.PENDING,
        fired_at=None,
        attempts=attempts,
        last_error=error,
        due_at=now + backoff(attempts),
    )
    return Outcome.RETRY


def _save(timer: Timer, **changes: object) -> None:
    for name, value in changes.items():
        setattr(timer, name, value)
    timer.save(update_fields=list(changes))


def last_sweep_at() -> datetime | None:
    """Return when a sweep last finished in this deployment's cache, if known."""
    value = cache.get(HEARTBEAT_KEY)
    return value if isinstance(value, datetime) else None
