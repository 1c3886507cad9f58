"""`concord serve`: the embedded profile's one process.

Waitress (a production WSGI server, not Django's development server)
serves the site, with static files through WhiteNoise, and a runner thread
sweeps timers alongside it unless CONCORD_RUNNER=celery or --no-runner.
SIGINT and SIGTERM stop both cleanly: waitress finishes the requests in
flight, the runner finishes its current sweep.
"""

import signal
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from concord.timers.runner import Runner


class _Shutdown(SystemExit):
    """Raised in the main thread by a signal; waitress's loop exits on SystemExit."""


def _raise_shutdown(signum: int, frame: FrameType | None) -> None:
    raise _Shutdown(0)


class Command(BaseCommand):
    help = "Serve Concord with waitress and run the timer runner in the same process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=None, help="Address to listen on (CONCORD_HOST).")
        parser.add_argument("--port", type=int, default=None, help="Port (CONCORD_PORT).")
        parser.add_argument(
            "--threads", type=int, default=None, help="Request threads (CONCORD_THREADS)."
        )
        parser.add_argument(
            "--no-runner", action="store_true", help="Do not sweep timers in this process."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress.server import create_server  # type: ignore[import-untyped,unused-ignore]

        from concord.wsgi import application

        host = options["host"] or settings.CONCORD_HOST
        port = settings.CONCORD_PORT if options["port"] is None else options["port"]
        threads = options["threads"] or settings.CONCORD_THREADS
        with_runner = not options["no_runner"] and settings.CONCORD_RUNNER != "celery"

        server = create_server(application, host=host, port=port, threads=threads)
        runner = Runner() if with_runner else None
        previous = {
            sig: signal.signal(sig, _raise_shutdown) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            if runner is not None:
                runner.start()
            self.stdout.write(
                f"Concord on http://{host}:{port}/ "
                f"(waitress, {threads} threads, runner {'on' if runner else 'off'})"
            )
            self.stdout.flush()
            # Returns after a signal: waitress catches SystemExit, then waits
            # for the requests in flight.
            server.run()
        except _Shutdown:
            pass  # the signal came before the server loop started
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if runner is not None:
                runner.stop()
            server.close()
        self.stdout.write("Concord stopped.")
