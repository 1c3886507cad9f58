"""Celery app for the scaled-out profile.

Domain code never imports this module: timers and the outbox are database
rows, and the tasks here only run the same sweeps the embedded runner runs.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")

app = Celery("concord")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
