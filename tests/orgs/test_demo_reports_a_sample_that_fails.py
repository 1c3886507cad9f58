"""A sample that cannot be made is rolled back and reported; the demo still finishes."""

from typing import Any

import pytest

from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from concord.orgs import demo_collaborations
from concord.orgs.demo_collaborations import pending
from concord.orgs.models import Person
from tests.orgs.demo_helpers import run_demo


def _half_made() -> Any:
    pending.build()  # writes, then fails: nothing of it may stay
    raise DomainError("refused")


def test_a_failing_sample_is_rolled_back_and_named(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        demo_collaborations,
        "SAMPLES",
        [("坏样例", _half_made), (pending.NAME, pending.build)],
    )
    output = run_demo(allow_warnings=True)
    assert "坏样例 was not created: DomainError: refused" in output
    assert list(Collaboration.objects.values_list("name", flat=True)) == [pending.NAME]
    assert Person.objects.count() >= 50
