from typing import Any

import pytest
import time_machine

from tests.personas import Org
from tests.tasks.helpers import Project, project


@pytest.fixture
def proj(org: Org) -> Project:
    # Wednesday 2026-07-01 10:00, an ordinary working week.
    with time_machine.travel("2026-07-01 10:00 +0800", tick=False):
        return project(org)


@pytest.fixture
def at() -> Any:
    """Return a context manager that stops the clock at a local (Asia/Shanghai) time."""

    def travel(when: str) -> Any:
        return time_machine.travel(f"{when} +0800", tick=False)

    return travel


@pytest.fixture
def planned(org: Org) -> Project:
    """The project with a plan in effect (executing)."""
    with time_machine.travel("2026-07-01 10:00 +0800", tick=False):
        return project(org, with_plan=True)
