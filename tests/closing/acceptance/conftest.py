from typing import Any

import pytest
import time_machine

from tests.closing.helpers import accepting
from tests.personas import Org
from tests.tasks.helpers import Project


@pytest.fixture
def at() -> Any:
    """Return a context manager that stops the clock at a local (Asia/Shanghai) time."""

    def travel(when: str) -> Any:
        return time_machine.travel(f"{when} +0800", tick=False)

    return travel


@pytest.fixture
def acc(org: Org) -> Project:
    """Accepting (lead decides), on a Wednesday of an ordinary working week."""
    with time_machine.travel("2026-07-01 10:00 +0800", tick=False):
        return accepting(org)
