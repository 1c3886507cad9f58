"""Celery tasks for the scaled-out profile (beat runs `sweep`, see settings)."""

from celery import shared_task

from concord.timers import sweep as sweep_module


@shared_task(name="concord.timers.tasks.sweep", ignore_result=True)
def sweep() -> dict[str, int]:
    """Run one sweep of due timers and return its counts."""
    result = sweep_module.sweep()
    return {"fired": result.fired, "retried": result.retried, "failed": result.failed}
