"""Sample collaborations for the demo, one module per sample, built through the services.

`load()` creates each sample that an earlier run has not (keyed on the
collaboration's name), each in its own transaction, and returns the names
it created. It needs the demo organization (concord/orgs/demo_data.py).
See docs/demo-logins.md for who sees what.
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction

from . import coordination, pending, problem, project

#: (name, builder) in the order they are created; a builder returns None
#: when its sample is already there.
SAMPLES: list[tuple[str, Callable[[], Any]]] = [
    (project.NAME, project.build),
    (problem.NAME, problem.build),
    (coordination.NAME, coordination.build),
    (pending.NAME, pending.build),
]


def load() -> list[str]:
    created = []
    for name, build in SAMPLES:
        with transaction.atomic():
            if build() is not None:
                created.append(name)
    return created
