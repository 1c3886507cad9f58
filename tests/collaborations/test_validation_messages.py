"""Validation messages name the field and say what is wrong."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from concord.collaborations import services
from concord.collaborations.inputs import DatedRow, SuggestedRow
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from tests.collaborations.helpers import draft, request_input
from tests.personas import Org


@pytest.fixture(autouse=True)
def _english() -> object:
    with translation.override("en"):
        yield


def test_a_key_date_after_the_end_is_named(org: Org) -> None:
    data = request_input(org, key_dates=[DatedRow("上线", date(2027, 1, 5))])
    with pytest.raises(DomainError) as exc:
        services.request_create(actor=org.alice, data=data)
    assert exc.value.details["key_dates"] == ["Key date “上线” is after the proposed end date."]
    assert str(exc.value.message) == "Key date “上线” is after the proposed end date."
    assert not Collaboration.objects.exists()


def test_an_end_before_the_start_and_a_negative_budget_are_both_reported(org: Org) -> None:
    data = request_input(
        org, start_on=date(2026, 9, 1), end_on=date(2026, 8, 1), budget=Decimal(-1), key_dates=[]
    )
    with pytest.raises(DomainError) as exc:
        services.request_create(actor=org.alice, data=data)
    assert exc.value.details["end_on"] == ["Proposed end: it is before the proposed start."]
    assert exc.value.details["budget"] == ["Budget: it cannot be negative."]
    assert exc.value.code == "invalid"


def test_a_draft_may_be_incomplete_but_submitting_it_may_not(org: Org) -> None:
    collab = draft(org, background="", goals="", suggested=[], start_on=None, key_dates=[])
    with pytest.raises(DomainError) as exc:
        services.request_submit(actor=org.alice, collaboration=collab)
    details = exc.value.details
    assert details["background"] == ["Background and purpose: describe why it is needed."]
    assert details["goals"] == ["Goals and expected outcomes: state what should be achieved."]
    assert details["start_on"] == ["Proposed start: enter a date."]
    assert details["suggested"] == ["Suggested departments: name at least one department."]
    collab.refresh_from_db()
    assert collab.state == "draft"
    assert collab.number is None


def test_a_problem_request_needs_its_phenomenon_and_impact(org: Org) -> None:
    collab = draft(org, kind="problem")
    with pytest.raises(DomainError) as exc:
        services.request_submit(actor=org.alice, collaboration=collab)
    assert set(exc.value.details) == {"phenomenon", "impact"}


def test_a_coordination_request_needs_a_core_problem_with_a_due_date(org: Org) -> None:
    collab = draft(org, kind="coordination", prior_communication="已与研发部电话沟通")
    with pytest.raises(DomainError) as exc:
        services.request_submit(actor=org.alice, collaboration=collab)
    assert exc.value.details == {
        "core_problems": ["Core problems: list at least one problem with its due date."]
    }
    with pytest.raises(DomainError) as exc:
        services.request_update(
            actor=org.alice,
            collaboration=collab,
            data=request_input(
                org, kind="coordination", core_problems=[DatedRow("提供参数说明书", None)]
            ),
        )
    assert exc.value.details["core_problems"] == [
        "Core problem “提供参数说明书”: enter its due date."
    ]


def test_suggested_people_must_belong_to_their_department(org: Org) -> None:
    data = request_input(org, suggested=[SuggestedRow(org.rnd, [org.oscar])])
    with pytest.raises(DomainError) as exc:
        services.request_create(actor=org.alice, data=data)
    assert exc.value.details["suggested"] == ["Suggested people: 欧阳 does not belong to “研发部”."]


def test_a_department_suggested_twice_is_refused(org: Org) -> None:
    data = request_input(org, suggested=[SuggestedRow(org.rnd), SuggestedRow(org.rnd)])
    with pytest.raises(DomainError) as exc:
        services.request_create(actor=org.alice, data=data)
    assert exc.value.details["suggested"] == ["Suggested departments: “研发部” is listed twice."]
