"""The permission matrix: writers (lead, initiator, PMO), contributors (team, heads),
and everyone else refused; an outsider cannot even see a review."""

from typing import Any

import pytest

from concord.closing.reviews import access, services
from concord.lib.errors import DomainError
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import actor, due_review


@pytest.mark.parametrize(
    ("who", "writes", "contributes"),
    [
        ("leo", True, True),
        ("alice", True, True),
        ("pam", True, True),
        ("rob", False, True),
        ("rita", False, True),
        ("mark", False, True),
        ("oscar", False, False),
    ],
)
def test_the_matrix(org: Org, proj: Project, who: str, writes: bool, contributes: bool) -> None:
    user = actor(org, proj, who)
    review = due_review(org, proj)

    def attempt(call: Any) -> bool:
        try:
            call()
        except DomainError as exc:
            return exc.code != "forbidden"
        return True

    wrote = attempt(
        lambda: services.milestone_review_update(actor=user, review=review, summary="总结")
    )
    added = attempt(
        lambda: services.deviation_add(actor=user, review=review, cause="other", description="延误")
    )
    assert (wrote, added) == (writes, contributes)


def test_an_outsider_gets_not_found(org: Org, proj: Project, at: Any) -> None:
    review = due_review(org, proj)
    with pytest.raises(DomainError) as exc:
        access.review_for(org.oscar, proj.collab.number, review.pk)
    assert exc.value.code == "not_found"
