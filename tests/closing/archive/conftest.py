from typing import Any

import pytest

from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import Registry, executing


@pytest.fixture
def proj(org: Org) -> Project:
    return executing(org)


@pytest.fixture
def forms(monkeypatch: Any) -> Registry:
    """An empty forms registry for the test (add forms with `forms.add`)."""
    return Registry(monkeypatch)
