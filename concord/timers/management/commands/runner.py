import signal
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from concord.timers.runner import Runner


class Command(BaseCommand):
    help = "Run the timer runner in the foreground (scaled out without Celery)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=None, help="Seconds between sweeps.")
        parser.add_argument("--once", action="store_true", help="Sweep once and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        runner = Runner(interval=options["interval"])
        if options["once"]:
            result = runner.run_once()
            if result is not None:
                self.stdout.write(
                    f"fired {result.fired}, retried {result.retried}, failed {result.failed}"
                )
            return

        def stop(signum: int, frame: FrameType | None) -> None:
            runner.stop(timeout=0)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        runner.run()
