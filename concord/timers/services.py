"""Scheduling and cancelling timers.

These are not domain services: they write no event and take no actor. The
domain service that schedules or cancels a timer calls them inside its own
transaction, and its own event records why.
"""

from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from concord.timers.models import Timer


def timer_schedule(
    *,
    kind: str,
    subject: models.Model,
    due_at: datetime,
    payload: dict[str, Any] | None = None,
) -> Timer:
    """Add a pending timer of `kind` for `subject`, due at `due_at`.

    Call `concord.timers.runner.wake` from `transaction.on_commit` when the
    timer is due now and should not wait for the next sweep.
    """
    _require_transaction("timer_schedule")
    if subject.pk is None:
        raise ValueError("the subject must be saved before a timer is scheduled for it")
    if timezone.is_naive(due_at):
        raise ValueError("due_at must be timezone-aware")
    return Timer.objects.create(
        kind=kind,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        due_at=due_at,
        payload=payload or {},
    )


def timer_cancel(*, subject: models.Model, kind: str | None = None) -> int:
    """Cancel the subject's pending timers (of one kind if given); return how many."""
    _require_transaction("timer_cancel")
    pending = Timer.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        state=Timer.State.PENDING,
    )
    if kind is not None:
        pending = pending.filter(kind=kind)
    # The conditional update is the lock: a sweep that already holds the row
    # makes this wait, then the state check leaves a fired timer alone.
    return pending.update(state=Timer.State.CANCELLED, cancelled_at=timezone.now())


def _require_transaction(name: str) -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"{name} must be called inside the domain service's transaction")
