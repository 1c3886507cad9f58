from typing import Any

import pytest
import time_machine

from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import reviewed_project


@pytest.fixture
def proj(org: Org) -> Project:
    return reviewed_project(org)


@pytest.fixture
def at() -> Any:
    """Return a context manager that stops the clock at a local (Asia/Shanghai) time."""

    def travel(when: str) -> Any:
        return time_machine.travel(f"{when} +0800", tick=False)

    return travel
