"""Writes to the outbox: notify, mark read, deliver and retry.

`notify` is called by other apps' services inside their own transaction;
it writes rows only, so a slow or broken mail server can never hold up or
undo the change that caused the notification. Sending happens later, in
the timer runner, one delivery per timer, after the timer's transaction has
committed (see `delivery_attempt`).
"""

import logging
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.activity.models import Event
from concord.activity.services import event_record
from concord.lib.errors import DomainError, not_found
from concord.timers.models import Timer
from concord.timers.runner import wake
from concord.timers.services import timer_cancel, timer_schedule

from . import kinds
from .channels import channels_for
from .models import Delivery, DeliveryAttempt, Notification
from .transports import TransportError, get_transport

Actor = AbstractBaseUser | AnonymousUser | None

logger = logging.getLogger(__name__)

DELIVER_TIMER = "notifications.deliver"
# Minutes to wait after the n-th failed attempt; the last value repeats.
BACKOFF_MINUTES = (1, 5, 15, 60, 180, 360)
# The least time a claimed delivery waits before it is tried again anyway (see `lease`).
LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    """Return how long to wait before the next try after `attempts` failures."""
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[index])


def max_attempts() -> int:
    return max(1, settings.CONCORD_DELIVERY_MAX_ATTEMPTS)


def _unique_recipients(recipients: Iterable[Any], actor: Actor) -> list[Any]:
    actor_pk = actor.pk if actor is not None and actor.is_authenticated else None
    seen: set[Any] = set()
    unique = []
    for user in recipients:
        if user is None or user.pk in seen or user.pk == actor_pk:
            continue
        seen.add(user.pk)
        unique.append(user)
    return unique


def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    subject: models.Model | None,
    params: dict[str, Any],
    url: str = "",
    actor: Any | None = None,
    event: Event | None = None,
) -> list[Notification]:
    """Write a notification for each recipient, and a delivery per outside channel.

    Call it inside the service transaction whose change it announces; the
    notifications commit or roll back with that change, and that service's
    event (pass it as `event`) records the change, so none is written here.
    The actor is never notified of their own action.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("notify must be called inside the service's transaction")
    if not kinds.is_registered(kind):
        raise ValueError(f"unknown notification kind {kind!r}; register it in kinds.py")
    if subject is not None and subject.pk is None:
        raise ValueError("the subject must be saved before it is notified about")
    users = _unique_recipients(recipients, actor)
    if not users:
        return []
    now = timezone.now()
    subject_type = ContentType.objects.get_for_model(subject) if subject is not None else None
    actor_user = actor if actor is not None and actor.is_authenticated else None
    rows = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            params=params,
            url=url,
            actor=actor_user,
            subject_type=subject_type,
            subject_id=subject.pk if subject is not None else None,
            event=event,
            created_at=now,
        )
        for user in users
    )
    deliveries = Delivery.objects.bulk_create(
        Delivery(
            notification=row,
            channel=channel,
            address=address,
            created_at=now,
            next_attempt_at=now,
        )
        for row in rows
        for channel, address in channels_for(row.recipient)
    )
    for delivery in deliveries:
        timer_schedule(kind=DELIVER_TIMER, subject=delivery, due_at=now)
    if deliveries:
        transaction.on_commit(wake)
    return rows


def _lock_own(actor: Actor, notification: Notification) -> Notification:
    if actor is None or not actor.is_authenticated:
        raise not_found()
    row = Notification.objects.select_for_update().filter(pk=notification.pk).first()
    if row is None or row.recipient_id != actor.pk:
        raise not_found()
    return row


@transaction.atomic
def notification_mark_read(*, actor: Actor, notification: Notification) -> Notification:
    """Mark one of the actor's own notifications read; reading it again changes nothing."""
    row = _lock_own(actor, notification)
    if row.read_at is not None:
        return row
    row.read_at = timezone.now()
    row.save(update_fields=["read_at"])
    event_record(
        actor=actor,
        verb="inbox.read",
        subject=row,
        before={"read_at": None},
        after={"read_at": row.read_at},
    )
    return row


@transaction.atomic
def notification_mark_all_read(*, actor: Actor) -> int:
    """Mark all the actor's unread notifications read; return how many there were."""
    if actor is None or not actor.is_authenticated:
        raise DomainError(_("Log in to read your inbox."), code="forbidden")
    unread = Notification.objects.filter(recipient_id=actor.pk, read_at__isnull=True)
    # Lock first so a notification arriving meanwhile is either counted and
    # marked, or left unread, never marked without being counted.
    ids = list(unread.select_for_update().values_list("pk", flat=True))
    if not ids:
        return 0
    count = Notification.objects.filter(pk__in=ids).update(read_at=timezone.now())
    event_record(actor=actor, verb="inbox.read_all", subject=actor, after={"marked": count})
    return count


def _send(delivery: Delivery) -> tuple[bool, str, bool]:
    """Send through the channel's transport; return (ok, error, retry)."""
    try:
        get_transport(delivery.channel).send(delivery)
    except TransportError as exc:
        return False, str(exc), exc.retry
    except Exception as exc:
        # An unexpected error from a backend is most likely passing (a
        # network hiccup); retrying is bounded by the attempt limit.
        return False, f"{type(exc).__name__}: {exc}", True
    return True, "", False


def lease(attempts: int) -> timedelta:
    """Return how long a claimed delivery waits before it is tried again anyway.

    The lease must outlast the slowest send (EMAIL_TIMEOUT applies to each
    SMTP step, so about a minute at worst), hence five minutes at least; and
    after a crash the next try must not come sooner than a recorded failure's
    retry would, so a message that keeps killing the process is not sent
    faster than the backoff allows.
    """
    return max(LEASE, backoff(attempts + 1))


@transaction.atomic
def delivery_attempt(*, delivery_id: int) -> Delivery | None:
    """Claim a pending delivery and send it once the sweep commits (the timer's work).

    Runs inside the sweep's transaction, which holds the timer's row (and on
    SQLite the whole database) locked, so nothing here touches the network:
    it schedules a lease timer for the same delivery and leaves the sending
    to `_send_and_record`, run by `on_commit` outside any transaction.

    Delivery is at least once: if the process dies between the commit and
    the recorded result, the lease timer fires later and the delivery is
    tried again. A crash in the middle of a send can so duplicate one email,
    never lose it.
    """
    delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return delivery  # moot: sent, given up, or removed since
    lease_timer = timer_schedule(
        kind=DELIVER_TIMER, subject=delivery, due_at=timezone.now() + lease(delivery.attempts)
    )
    claimed_id, lease_id = delivery.pk, lease_timer.pk
    # `robust`: a failing callback must not break the sweep of the timers
    # after it (it never raises anyway). The name is looked up when called,
    # so a test can stand in for a crash between the commit and the send.
    transaction.on_commit(lambda: _send_and_record(claimed_id, lease_id), robust=True)
    return delivery


def _send_and_record(delivery_id: int, lease_timer_id: int) -> None:
    """Send a claimed delivery, then record the attempt in a short transaction of its own.

    Called after the claim committed, never inside a transaction: a slow
    mail server then holds no lock and no other writer waits for it. Never
    raises: a failure to record leaves the lease timer to try again.
    """
    try:
        if transaction.get_connection().in_atomic_block:
            raise RuntimeError("a delivery must be sent outside any transaction")
        delivery = (
            Delivery.objects.select_related("notification__recipient__person")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status != Delivery.Status.PENDING:
            return  # settled meanwhile by another attempt; the lease timer is moot
        started = timezone.now()
        clock = time.monotonic()
        ok, error, retry = _send(delivery)
        duration_ms = int((time.monotonic() - clock) * 1000)
        _record(
            delivery_id, started=started, duration_ms=duration_ms, ok=ok, error=error, retry=retry
        )
    except Exception:
        logger.exception(
            "delivery %s: sending or recording failed; lease timer %s will try again",
            delivery_id,
            lease_timer_id,
        )


@transaction.atomic
def _record(
    delivery_id: int, *, started: datetime, duration_ms: int, ok: bool, error: str, retry: bool
) -> None:
    # Timers before the delivery, the order the sweep locks them in, so this
    # cannot deadlock with a sweep firing this delivery's lease meanwhile.
    list(_pending_timers(delivery_id).select_for_update())
    delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    if delivery is None:
        return
    DeliveryAttempt.objects.create(
        delivery=delivery,
        started_at=started,
        ok=ok,
        error=error[:4000],
        duration_ms=duration_ms,
    )
    if delivery.status != Delivery.Status.PENDING:
        return  # another attempt settled it first; this one is only logged
    before = {"status": delivery.status, "attempts": delivery.attempts}
    delivery.attempts += 1
    delivery.last_error = error[:4000]
    # Whatever happened, exactly one pending timer is left for a pending
    # delivery and none for a settled one; that covers a lease another
    # sweep has fired meanwhile as well as our own.
    timer_cancel(subject=delivery, kind=DELIVER_TIMER)
    if ok:
        delivery.status = Delivery.Status.SENT
        delivery.sent_at = timezone.now()
        delivery.next_attempt_at = None
        verb = "delivery.sent"
    elif retry and delivery.attempts < max_attempts():
        delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
        timer_schedule(kind=DELIVER_TIMER, subject=delivery, due_at=delivery.next_attempt_at)
        verb = "delivery.retry_scheduled"
    else:
        delivery.status = Delivery.Status.FAILED
        delivery.next_attempt_at = None
        verb = "delivery.failed"
    delivery.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
    event_record(
        actor=None,
        verb=verb,
        subject=delivery,
        before=before,
        after={"status": delivery.status, "attempts": delivery.attempts},
        scope=delivery.notification,
        note=error[:500],
    )


def _pending_timers(delivery_id: int) -> "models.QuerySet[Timer]":
    return Timer.objects.filter(
        kind=DELIVER_TIMER,
        subject_type=ContentType.objects.get_for_model(Delivery),
        subject_id=delivery_id,
        state=Timer.State.PENDING,
    )


@transaction.atomic
def delivery_retry(*, actor: Actor, delivery: Delivery) -> Delivery:
    """Give a failed delivery a fresh round of attempts, starting now (admin action)."""
    from concord.orgs.access import is_pmo

    if actor is None or not actor.is_authenticated or not is_pmo(actor):
        raise DomainError(_("Only the PMO can retry a delivery."), code="forbidden")
    row = Delivery.objects.select_for_update().filter(pk=delivery.pk).first()
    if row is None:
        raise not_found()
    if row.status != Delivery.Status.FAILED:
        raise DomainError(_("Only a failed delivery can be retried."), code="conflict")
    before = {"status": row.status, "attempts": row.attempts}
    now = timezone.now()
    row.status = Delivery.Status.PENDING
    row.attempts = 0
    row.next_attempt_at = now
    row.save(update_fields=["status", "attempts", "next_attempt_at"])
    timer_schedule(kind=DELIVER_TIMER, subject=row, due_at=now)
    event_record(
        actor=actor,
        verb="delivery.retried",
        subject=row,
        before=before,
        after={"status": row.status, "attempts": row.attempts},
        scope=row.notification,
    )
    transaction.on_commit(wake)
    return row
