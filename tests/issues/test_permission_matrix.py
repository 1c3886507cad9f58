"""Who may raise, update, escalate, de-escalate, resolve and confirm (see issues/access.py)."""

from typing import Any

import pytest

from concord.issues import access, services
from concord.lib.errors import DomainError
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, raise_issue

PEOPLE = ["alice", "leo", "rob", "cara", "rita", "pam", "oscar", "victor"]

# An issue raised by rita (head of 研发部), owned by rob, escalated to level 2 (handler: leo).
EXPECTED = {
    #          raise  update redate escalate deesc  resolve confirm
    "alice": (True, False, False, False, False, False, False),
    "leo": (True, True, True, True, True, True, True),
    "rob": (True, True, False, True, False, True, False),
    "cara": (True, False, False, False, False, False, False),
    "rita": (True, False, False, False, False, False, True),
    "pam": (True, True, True, True, True, False, False),
    "oscar": (False, False, False, False, False, False, False),
    "victor": (False, False, False, False, False, False, False),
}


def who(org: Org, p: Project, name: str) -> Any:
    return getattr(p, name, None) or getattr(org, name)


@pytest.fixture
def escalated(org: Org, proj: Project) -> Any:
    issue = raise_issue(org, proj, who="rita")
    services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
    return fresh(issue)


@pytest.mark.parametrize("name", PEOPLE)
def test_the_matrix(org: Org, proj: Project, escalated: Any, name: str) -> None:
    user = who(org, proj, name)
    issue = escalated
    got = (
        access.may_raise(user, proj.collab),
        access.may_update(user, issue),
        access.may_redate(user, issue),
        access.may_escalate(user, issue),
        access.may_deescalate(user, issue),
        access.may_resolve(user, issue),
        access.may_confirm(user, issue),
    )
    assert got == EXPECTED[name]


def test_an_outsider_cannot_even_find_the_issue(org: Org, proj: Project, escalated: Any) -> None:
    with pytest.raises(DomainError) as exc:
        access.issue_for(org.oscar, proj.collab.ref, escalated.number)
    assert exc.value.code == "not_found"
    with pytest.raises(DomainError) as exc:
        raise_issue(org, proj, who="oscar")
    assert exc.value.code == "forbidden"


def test_services_refuse_what_the_matrix_refuses(org: Org, proj: Project, escalated: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.issue_resolve(actor=org.pam, issue=escalated, resolution="x")
    assert exc.value.code == "forbidden"
    with pytest.raises(DomainError) as exc:
        services.issue_update_post(actor=org.alice, issue=escalated, body="x")
    assert exc.value.code == "forbidden"
    services.issue_resolve(actor=proj.rob, issue=escalated, resolution="已协调资源")
    with pytest.raises(DomainError) as exc:
        services.issue_close(actor=proj.rob, issue=escalated)
    assert exc.value.code == "forbidden"
    services.issue_close(actor=org.rita, issue=escalated)
    with pytest.raises(DomainError) as exc:
        services.issue_update_post(actor=proj.rob, issue=escalated, body="x")
    assert exc.value.code == "conflict"


def test_an_owner_outside_the_collaboration_is_refused(org: Org, proj: Project) -> None:
    with pytest.raises(DomainError) as exc:
        raise_issue(org, proj, owner=org.oscar)
    assert "owner" in exc.value.details


def test_the_parties_cannot_push_their_own_deadline_back(org: Org, proj: Project, at: Any) -> None:
    """A later deadline would switch off the automatic escalation: the lead or the PMO sets it."""
    from datetime import timedelta

    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        later = issue.due_at + timedelta(days=3)
        with pytest.raises(DomainError) as exc:
            services.issue_redate(actor=proj.rob, issue=issue, due_at=later)
        assert exc.value.code == "forbidden"
        with pytest.raises(DomainError) as exc:
            raise_issue(org, proj, due_at=later)
        assert "due_at" in exc.value.details
        earlier = raise_issue(org, proj, due_at=issue.due_at - timedelta(hours=20))
        assert earlier.due_at == issue.due_at - timedelta(hours=20)
        assert raise_issue(org, proj, who="leo", due_at=later).due_at == later
        services.issue_redate(actor=proj.leo, issue=issue, due_at=later)
    assert fresh(issue).due_at == later


def test_whoever_resolved_it_does_not_confirm_it(org: Org, proj: Project) -> None:
    issue = raise_issue(org, proj)  # rob raises and owns it: at level 1 he is its handler too
    services.issue_resolve(actor=proj.rob, issue=issue, resolution="已扩容")
    issue = fresh(issue)
    assert not access.may_confirm(proj.rob, issue)
    with pytest.raises(DomainError) as exc:
        services.issue_close(actor=proj.rob, issue=issue)
    assert exc.value.code == "forbidden"
    services.issue_close(actor=proj.leo, issue=issue)
    assert fresh(issue).confirmed_by == proj.leo
