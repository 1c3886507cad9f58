"""Under load: concurrent sweeps escalate each due issue once; escalation and resolution race.

PostgreSQL only: SQLite serialises writers, so nothing can overlap there.
"""

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from concord.activity.models import Event
from concord.issues import services
from concord.issues import timers as issue_timers
from concord.issues.models import Issue, IssueLevelPeriod, Status
from concord.timers import registry
from concord.timers.models import Timer
from concord.timers.sweep import SweepResult, sweep
from tests.personas import Org
from tests.tasks.helpers import project

from .helpers import raise_issue

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so sweeps cannot overlap there",
    ),
]

COUNT = 24


def _later() -> Any:
    return timezone.now() + timedelta(days=2)


def _threads(*targets: Callable[[], None]) -> list[BaseException]:
    errors: list[BaseException] = []

    def wrap(func: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                func()
            except BaseException as exc:
                errors.append(exc)
            finally:
                connections.close_all()

        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def test_two_concurrent_sweeps_escalate_each_issue_exactly_once(org: Org) -> None:
    p = project(org)
    issues = [raise_issue(org, p, title=f"问题{i}") for i in range(COUNT)]
    when = _later()
    barrier = threading.Barrier(2)
    results: list[SweepResult] = []

    def run() -> None:
        barrier.wait(timeout=10)
        results.append(sweep(now=when, limit=1000))

    assert _threads(run, run) == []
    assert len(results) == 2
    for issue in issues:
        fresh = Issue.objects.get(pk=issue.pk)
        assert fresh.level == 2
        assert fresh.version == 2
        assert Event.objects.filter(verb="issue.escalated", subject_id=issue.pk).count() == 1
        assert IssueLevelPeriod.objects.filter(issue=issue).count() == 2
    assert Event.objects.filter(verb="issue.escalated").count() == COUNT
    # One pending escalation timer per issue (level 2), no more.
    assert Timer.objects.filter(kind="issues.escalate", state="pending").count() == COUNT


def test_a_resolution_committed_first_wins(org: Org) -> None:
    p = project(org)
    issue = raise_issue(org, p)
    resolved = threading.Event()
    release = threading.Event()
    swept: list[SweepResult] = []

    def resolve() -> None:
        with transaction.atomic():
            services.issue_resolve(actor=p.rob, issue=issue, resolution="已解决")
            resolved.set()
            release.wait(timeout=20)

    def escalate() -> None:
        resolved.wait(timeout=20)
        try:
            swept.append(sweep(now=_later(), limit=10))
        finally:
            release.set()

    assert _threads(resolve, escalate) == []
    swept.append(sweep(now=_later(), limit=10))
    fresh = Issue.objects.get(pk=issue.pk)
    assert fresh.status == Status.RESOLVED
    assert fresh.level == 1
    assert not Event.objects.filter(verb="issue.escalated").exists()
    assert not Timer.objects.filter(kind="issues.escalate", state="fired").exists()
    assert not Timer.objects.filter(kind="issues.escalate", state="pending").exists()


def test_an_escalation_committed_first_is_recorded_and_the_resolution_still_lands(
    org: Org,
) -> None:
    p = project(org)
    issue = raise_issue(org, p)
    escalated = threading.Event()
    release = threading.Event()

    def slow_escalate(timer: Timer) -> None:
        issue_timers.escalate(timer)
        escalated.set()
        release.wait(timeout=20)  # hold the escalation's transaction (and the row lock) open

    def escalate() -> None:
        sweep(now=_later(), limit=10)

    def resolve() -> None:
        escalated.wait(timeout=20)
        waiter = threading.Timer(1.0, release.set)  # let the resolver queue on the row lock
        waiter.start()
        services.issue_resolve(actor=p.rob, issue=issue, resolution="已解决")

    original = registry.get(services.ESCALATE_TIMER)
    assert original is not None
    registry.unregister(services.ESCALATE_TIMER)
    try:
        with registry.registered(services.ESCALATE_TIMER, slow_escalate):
            assert _threads(escalate, resolve) == []
    finally:
        registry.register(services.ESCALATE_TIMER, original)
    fresh = Issue.objects.get(pk=issue.pk)
    assert fresh.level == 2  # the escalation is recorded …
    assert fresh.status == Status.RESOLVED  # … and the resolution still lands
    verbs = list(
        Event.objects.filter(subject_id=issue.pk, verb__startswith="issue.")
        .order_by("id")
        .values_list("verb", flat=True)
    )
    assert verbs == ["issue.raised", "issue.escalated", "issue.resolved"]
    assert not Timer.objects.filter(kind="issues.escalate", state="pending").exists()
