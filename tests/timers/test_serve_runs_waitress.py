"""`concord serve`: waitress plus the runner thread, stopped cleanly by SIGTERM."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

WAIT = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _concord(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "concord", *args],
        env=env,
        check=True,
        timeout=WAIT,
        cwd=settings.BASE_DIR,
        capture_output=True,
    )


def _get(url: str) -> tuple[int, str | None]:
    deadline = time.monotonic() + WAIT
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.headers.get("Server")
        except OSError:
            # The server process is still starting; it is a real process,
            # so the clock cannot be moved for it.
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _timer_state(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        (state,) = conn.execute("SELECT state FROM timers_timer").fetchone()
    return str(state)


@pytest.fixture
def data_dir(tmp_path: Path) -> dict[str, str]:
    """A fresh embedded install: SQLite file migrated, one due timer waiting."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        CONCORD_DATA_DIR=str(tmp_path),
        CONCORD_RUNNER="thread",
        CONCORD_SWEEP_INTERVAL_SECONDS="1",
        DJANGO_SETTINGS_MODULE="concord.settings",
    )
    _concord(env, "migrate", "--noinput", "-v", "0")
    # A kind nobody handles: the runner can only mark it failed, which shows
    # it swept without needing a handler inside the server process.
    _concord(
        env,
        "shell",
        "-c",
        "from django.contrib.contenttypes.models import ContentType as C;"
        "from django.db import transaction;from django.utils import timezone;"
        "from concord.timers.services import timer_schedule as s\n"
        "with transaction.atomic(): s(kind='test.serve', subject=C.objects.first(),"
        " due_at=timezone.now())",
    )
    return env


def test_it_serves_with_waitress_sweeps_and_stops_on_sigterm(data_dir: dict[str, str]) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "concord", "serve", "--port", str(port), "--threads", "2"],
        env=data_dir,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status, server_header = _get(f"http://127.0.0.1:{port}/api/v1/openapi.json")
        assert status == 200
        assert server_header == "waitress"

        db = Path(data_dir["CONCORD_DATA_DIR"]) / "concord.sqlite3"
        deadline = time.monotonic() + WAIT
        while _timer_state(db) == "pending" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _timer_state(db) == "failed"

        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=WAIT)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()

    assert server.returncode == 0, output
    assert "runner on" in output
    assert "timer runner stopped" in output
    assert "Concord stopped." in output
