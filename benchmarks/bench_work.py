"""Benchmark the execution pages: a 500-card board and a 300-item 「我的工作」 (a script).

    .venv/bin/python benchmarks/bench_work.py [--rounds 15]

Uses a throw-away SQLite file in a temporary folder (set DATABASE_URL to
measure on PostgreSQL), makes the data through the services, and prints for
each page the median and the spread (min–max) over the rounds with its
query count. The goal (issue 5): each page under 150 ms server-side.
"""

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CONCORD_DATA_DIR", tempfile.mkdtemp(prefix="concord-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from benchmarks.bench_foundation import QueryCounter, measure  # noqa: E402

CARDS = 500
DONE = 200  # so the owner keeps 300 open tasks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
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

    # The people and the project of the tests, made through the services.
    from concord.tasks import services
    from tests.personas import make_org
    from tests.tasks.helpers import project

    org = make_org()
    p = project(org)
    start = date.today() - timedelta(days=30)
    tasks = []
    for i in range(CARDS):
        tasks.append(
            services.task_create(
                actor=p.leo,
                collaboration=p.collab,
                title=f"任务 {i:03d} 接口联调与测试",
                owner=p.rob,
                department=org.rnd,
                start_on=start,
                due_on=start + timedelta(days=i % 60),
                priority=("low", "normal", "high", "urgent")[i % 4],
            )
        )
    for t in tasks[:DONE]:
        services.task_move(actor=p.leo, task=t, status="done")
    for t in tasks[DONE : DONE + 100]:
        services.task_move(actor=p.leo, task=t, status="in_progress")
    for t in tasks[DONE + 100 : DONE + 130]:
        services.task_move(actor=p.leo, task=t, status="blocked", blocked_reason="等待测试环境")

    ref = p.collab.number
    pages = [
        (p.leo, f"board, {CARDS} cards (project lead)", f"/collaborations/{ref}/board/"),
        (p.rob, f"my work, {CARDS - DONE} open tasks", "/my-work/"),
        (p.leo, f"task list, {CARDS} tasks", f"/collaborations/{ref}/tasks/"),
        (p.leo, f"Gantt, {CARDS} tasks", f"/collaborations/{ref}/gantt/"),
    ]
    for user, label, url in pages:
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with QueryCounter() as ctx:
            client.get(url)
        measure(f"GET {label}", lambda c=client, u=url: c.get(u), rounds=rounds)
        print(f"{'':<58} ({ctx.count} queries, {len(response.content) // 1024} KiB)")


if __name__ == "__main__":
    main()
