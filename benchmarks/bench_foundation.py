"""Benchmark the foundation's hot paths. A script, not a test.

    .venv/bin/python benchmarks/bench_foundation.py [--rounds 15]

Uses a throw-away SQLite file (the embedded profile's database) in a
temporary folder and prints, for each measurement, the median and the
spread (min–max) over the rounds, so the machine's noise is visible.
Set DATABASE_URL to measure on PostgreSQL instead.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CONCORD_DATA_DIR", tempfile.mkdtemp(prefix="concord-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402


class QueryCounter:
    """Count the queries a block runs (works whatever DEBUG says)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self) -> "QueryCounter":
        self._cm = connection.execute_wrapper(self)
        self._cm.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)


def measure(label: str, func: Callable[[], object], *, rounds: int, per: int = 1) -> None:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) / per)
    med = statistics.median(samples)
    unit, scale = ("ms", 1e3) if med >= 1e-3 else ("µs", 1e6)
    print(
        f"{label:<58} median {med * scale:8.2f} {unit}"
        f"   (min {min(samples) * scale:.2f}, max {max(samples) * scale:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    rounds = args.rounds
    import logging

    logging.disable(logging.INFO)
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    print(f"database: {connection.vendor}; rounds: {rounds}; cores: {os.cpu_count()}")
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("demo", verbosity=0, stdout=quiet)

    from concord.lib import workcal

    start = timezone.now().replace(microsecond=0)
    cal = workcal.calendar()
    measure(
        "workcal.add_working_days (one Calendar, 1,000 starts)",
        lambda: [cal.add_working_days(start + timedelta(hours=7 * i), 3) for i in range(1000)],
        rounds=rounds,
        per=1000,
    )
    measure(
        "workcal.add_working_days (module call, fresh overrides)",
        lambda: workcal.add_working_days(start, 3),
        rounds=rounds,
    )

    from django.contrib.auth import get_user_model

    from concord.notifications.kinds import register_kind
    from concord.notifications.services import notify
    from concord.timers import registry
    from concord.timers.models import Timer
    from concord.timers.services import timer_schedule
    from concord.timers.sweep import sweep

    user = get_user_model().objects.get(username="chenjing")
    fired: list[int] = []
    registry.register("bench.noop", lambda timer: fired.append(timer.pk))

    with transaction.atomic():
        far = timezone.now() + timedelta(days=365)
        Timer.objects.bulk_create(
            Timer(kind="bench.noop", subject=user, due_at=far) for _ in range(20_000)
        )
    with QueryCounter() as idle:
        sweep()
    measure(
        "sweep with 0 due among 20,000 pending timers",
        sweep,
        rounds=rounds,
    )
    print(f"{'':<58} ({idle.count} queries)")

    def sweep_200_due() -> None:
        with transaction.atomic():
            for _ in range(200):
                timer_schedule(kind="bench.noop", subject=user, due_at=timezone.now())
        result = sweep(limit=200)
        assert result.fired == 200, result

    measure("sweep firing 200 due timers (per timer)", sweep_200_due, rounds=5, per=200)

    register_kind("bench.hello", title="Hello %(n)s", body="Body %(n)s")
    owner = get_user_model().objects.get(username="lina")
    actor = get_user_model().objects.get(username="chenjing")
    with transaction.atomic():
        for n in range(300):
            notify(
                recipients=[owner], kind="bench.hello", subject=owner, params={"n": n}, actor=actor
            )
    Timer.objects.filter(kind="notifications.deliver").delete()

    client = Client()
    client.force_login(owner)
    pages = {
        "inbox, 300 notifications (page 1)": "/inbox/",
        "org chart, demo organization (11 departments, 51 people)": "/org/",
        "working calendar, month page": "/org/calendar/",
        "API: inbox, 300 notifications (page 1)": "/api/v1/inbox",
    }
    for label, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with QueryCounter() as ctx:
            client.get(url)
        measure(f"GET {label}", lambda url=url: client.get(url), rounds=rounds)
        print(f"{'':<58} ({ctx.count} queries)")


if __name__ == "__main__":
    main()
