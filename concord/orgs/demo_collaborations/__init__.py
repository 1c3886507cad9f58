"""Sample collaborations for the demo, one module per sample, built through the services.

`load()` creates each sample that an earlier run has not (keyed on the
collaboration's name), each in its own transaction, and returns the names
it created and the samples that failed. It needs the demo organization
(concord/orgs/demo_data.py). See docs/demo-logins.md for who sees what.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from . import coordination, pending, problem, project

logger = logging.getLogger(__name__)

#: (name, builder) in the order they are created; a builder returns None
#: when its sample is already there.
SAMPLES: list[tuple[str, Callable[[], Any]]] = [
    (project.NAME, project.build),
    (problem.NAME, problem.build),
    (coordination.NAME, coordination.build),
    (pending.NAME, pending.build),
]


@dataclass
class Loaded:
    created: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (name, error)


def load(*, keep_going: bool = False) -> Loaded:
    """Create the missing samples. With `keep_going`, a sample that fails is rolled back
    and reported, and the others are still made (so `bin/run` starts anyway)."""
    result = Loaded()
    for name, build in SAMPLES:
        try:
            with transaction.atomic():
                if build() is not None:
                    result.created.append(name)
        except Exception as exc:
            if not keep_going:
                raise
            logger.exception("demo: the sample collaboration %s could not be made", name)
            result.failed.append((name, f"{type(exc).__name__}: {exc}"))
    return result
