"""Who may do what, through the services: issue (the lead, or the initiator while no lead is
named, and the PMO), acknowledge (a recipient), withdraw (author, issuer), request resources
(initiator, team, heads of participating departments, PMO; not an outsider)."""

from datetime import date
from typing import Any

import pytest

from concord.changes import services
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from tests.changes.helpers import established, issue, request_resource
from tests.personas import Org


def _outcome(call: Any) -> str:
    try:
        call()
    except DomainError as exc:
        return exc.code
    return "ok"


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("alice", "ok"),  # initiator (no lead named)
        ("pam", "ok"),  # PMO
        ("mark", "forbidden"),
        ("rita", "forbidden"),
        ("dora", "forbidden"),
        ("oscar", "forbidden"),
    ],
)
def test_issue(org: Org, who: str, expected: str) -> None:
    collab = established(org)
    assert _outcome(lambda: issue(org, collab, who=who)) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [("mark", "ok"), ("rita", "ok"), ("alice", "forbidden"), ("oscar", "forbidden")],
)
def test_acknowledge(org: Org, who: str, expected: str) -> None:
    notice = issue(org, established(org))
    act = getattr(org, who)
    assert _outcome(lambda: services.change_notice_acknowledge(actor=act, notice=notice)) == (
        expected
    )


def test_acknowledging_twice_is_a_conflict(org: Org) -> None:
    notice = issue(org, established(org))
    services.change_notice_acknowledge(actor=org.mark, notice=notice)
    assert (
        _outcome(lambda: services.change_notice_acknowledge(actor=org.mark, notice=notice))
        == "conflict"
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [("alice", "ok"), ("pam", "ok"), ("mark", "forbidden"), ("oscar", "forbidden")],
)
def test_withdraw_notice(org: Org, who: str, expected: str) -> None:
    notice = issue(org, established(org))
    act = getattr(org, who)
    assert _outcome(lambda: services.change_notice_withdraw(actor=act, notice=notice)) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("alice", "ok"),
        ("mark", "ok"),
        ("rita", "ok"),
        ("pam", "ok"),
        ("dora", "forbidden"),
        ("oscar", "forbidden"),
    ],
)
def test_request_resources(org: Org, who: str, expected: str) -> None:
    collab = established(org)
    assert _outcome(lambda: request_resource(org, collab, who=who)) == expected


@pytest.mark.parametrize(
    ("who", "expected"), [("alice", "ok"), ("pam", "ok"), ("mark", "forbidden")]
)
def test_withdraw_resource(org: Org, who: str, expected: str) -> None:
    req = request_resource(org, established(org))
    act = getattr(org, who)
    assert _outcome(lambda: services.resource_request_withdraw(actor=act, request=req)) == expected


def test_nothing_before_the_collaboration_is_established(org: Org) -> None:
    from tests.collaborations.helpers import submitted

    collab = submitted(org)
    assert _outcome(lambda: issue(org, collab)) == "conflict"
    assert _outcome(lambda: request_resource(org, collab)) == "conflict"


def test_another_service_may_raise_a_notice_from_its_source(org: Org) -> None:
    """The planning service passes the plan version; any actor it vouches for may raise it."""
    collab = established(org)
    source = collab.departments.get(department=org.rnd)  # any object of this collaboration
    notice = issue(org, collab, who="rita", source=source)
    assert notice.source == source
    other = established(org, name="另一个协作")
    foreign = other.departments.first()
    assert _outcome(lambda: issue(org, collab, who="rita", source=foreign)) == "invalid"


def test_bad_input_is_invalid_with_the_field(org: Org) -> None:
    collab: Collaboration = established(org)
    with pytest.raises(DomainError) as caught:
        issue(org, collab, category="other", title=" ")
    assert caught.value.code == "invalid"
    assert set(caught.value.details) >= {"category", "title"}
    with pytest.raises(DomainError) as caught:
        request_resource(org, collab, period_to=date(2026, 9, 1))
    assert "period_to" in caught.value.details
