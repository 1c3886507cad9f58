"""The runner: a thread that sweeps timers every few seconds.

The embedded profile starts one inside `concord serve`; `concord runner`
runs one in the foreground. Under CONCORD_RUNNER=celery, Celery beat runs
the same sweep instead (see tasks.py).
"""

import logging
import threading

from django.db import close_old_connections, connections

from concord.timers.sweep import SweepResult, sweep

logger = logging.getLogger(__name__)

_current: "Runner | None" = None
_current_lock = threading.Lock()


class Runner:
    """Sweep every `interval` seconds, or at once when woken, until stopped."""

    def __init__(self, *, interval: float | None = None, limit: int | None = None) -> None:
        from django.conf import settings

        self.interval = settings.CONCORD_SWEEP_INTERVAL_SECONDS if interval is None else interval
        self.limit = settings.CONCORD_SWEEP_BATCH if limit is None else limit
        self.sweeps = 0
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Run in a background thread and become the process's runner for `wake()`."""
        global _current
        # Not a daemon: on shutdown we stop it and let the current sweep
        # finish its transaction rather than dying in the middle of one.
        self._thread = threading.Thread(target=self.run, name="concord-runner", daemon=False)
        with _current_lock:
            _current = self
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Ask the loop to end after the current sweep and wait for it."""
        global _current
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        with _current_lock:
            if _current is self:
                _current = None

    def wake(self) -> None:
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def is_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run(self) -> None:
        """Loop in the calling thread until `stop()`."""
        logger.info("timer runner started (every %ss)", self.interval)
        try:
            while not self._stop.is_set():
                self._wake.clear()
                result = self.run_once()
                if result is not None and result.claimed >= self.limit:
                    continue  # a full batch: more may be due, do not wait
                self._wake.wait(self.interval)
        finally:
            # Connections are per thread: close ours before the thread ends,
            # or PostgreSQL keeps a session open until it times out.
            connections.close_all()
        logger.info("timer runner stopped")

    def run_once(self) -> SweepResult | None:
        """Sweep once; log and swallow errors so the loop survives them."""
        close_old_connections()
        try:
            return sweep(limit=self.limit)
        except Exception:
            logger.exception("timer sweep failed; trying again in %ss", self.interval)
            return None
        finally:
            self.sweeps += 1
            # A long-lived thread must not keep a connection open forever.
            close_old_connections()


def wake() -> None:
    """Ask this process's runner to sweep soon (no-op without one).

    Call it from `transaction.on_commit` after scheduling a timer that is
    due now, so it fires without waiting for the next interval.
    """
    with _current_lock:
        runner = _current
    if runner is not None:
        runner.wake()
        return
    from django.conf import settings

    if settings.CONCORD_RUNNER == "celery":
        _wake_celery()


def _wake_celery() -> None:
    try:
        from concord.timers.tasks import sweep as sweep_task

        # retry=False: a missing broker must not hold up the web request;
        # beat sweeps again within seconds anyway.
        sweep_task.apply_async(retry=False)
    except Exception:
        logger.warning("could not ask Celery to sweep now", exc_info=True)


def current() -> Runner | None:
    return _current
