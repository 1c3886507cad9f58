"""A WBS task's end follows its start and duration on the working calendar.

Convention: the start day is working day 1, so N working days end on the
Nth working day counting the start day. Around the 2026 National Day
holiday (10-01 … 10-07 off, Saturday 10-10 a make-up working day, 调休).
"""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from concord.lib.errors import DomainError
from concord.planning import services
from concord.planning.models import WbsItem
from tests.personas import Org
from tests.planning.helpers import collaboration


def _save(org: Org, collab: Any, item_id: int | None = None, **data: Any) -> Any:
    return services.plan_item_save(
        actor=org.alice,
        collaboration=collab,
        section="wbs",
        data={"title": "联调", **data},
        item_id=item_id,
    )


@pytest.fixture
def collab(org: Org) -> Any:
    collab = collaboration(org)
    services.plan_draft(actor=org.alice, collaboration=collab)
    return collab


@pytest.mark.parametrize(
    ("starts_on", "days", "ends_on"),
    [
        (date(2026, 9, 29), 1, date(2026, 9, 29)),  # the start day is day 1
        (date(2026, 9, 29), 2, date(2026, 9, 30)),
        (date(2026, 9, 29), 3, date(2026, 10, 8)),  # the holiday week is skipped
        (date(2026, 9, 29), 5, date(2026, 10, 10)),  # Saturday 10-10 is worked (调休)
        (date(2026, 9, 29), 6, date(2026, 10, 12)),  # Sunday 10-11 is not
        (date(2026, 10, 1), 1, date(2026, 10, 8)),  # a start on a holiday counts from 10-08
        (date(2026, 9, 29), 0, date(2026, 9, 29)),  # a checkpoint
    ],
)
def test_it_computes_the_end_from_the_start_and_the_working_days(
    org: Org, collab: Any, starts_on: date, days: int, ends_on: date
) -> None:
    item = _save(org, collab, starts_on=starts_on, duration_days=days)
    item.refresh_from_db()
    assert item.ends_on == ends_on


def test_it_refuses_an_end_that_disagrees_with_the_duration_naming_both(
    org: Org, collab: Any
) -> None:
    with pytest.raises(DomainError) as refused:
        _save(org, collab, starts_on=date(2026, 9, 29), duration_days=5, ends_on=date(2026, 10, 9))
    assert refused.value.code == "invalid"
    assert set(refused.value.details) >= {"ends_on", "duration_days"}
    assert "2026-10-10" in str(refused.value.message)
    assert not WbsItem.objects.exists()


def test_it_keeps_an_end_that_agrees_and_leaves_an_unscheduled_task_alone(
    org: Org, collab: Any
) -> None:
    agreed = _save(
        org, collab, starts_on=date(2026, 9, 29), duration_days=5, ends_on=date(2026, 10, 10)
    )
    assert agreed.ends_on == date(2026, 10, 10)
    no_start = _save(org, collab, duration_days=5)
    assert no_start.ends_on is None
    no_duration = _save(org, collab, starts_on=date(2026, 9, 29), ends_on=date(2026, 10, 9))
    assert no_duration.ends_on == date(2026, 10, 9)


def test_changing_the_duration_with_the_end_cleared_moves_the_end(org: Org, collab: Any) -> None:
    item = _save(org, collab, starts_on=date(2026, 9, 29), duration_days=2)
    assert item.ends_on == date(2026, 9, 30)
    item = _save(org, collab, item.pk, duration_days=3, ends_on=None)
    assert item.ends_on == date(2026, 10, 8)


def test_the_plan_page_shows_the_refusal_and_the_computed_end(org: Org, collab: Any) -> None:
    client = Client()
    client.force_login(org.alice)
    url = f"/collaborations/{collab.number}/plan/wbs/add/"
    data = {"title": "联调", "starts_on": "2026-09-29", "duration_days": "5"}
    refused = client.post(url, {**data, "ends_on": "2026-10-09"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200
    assert "2026-10-10" in refused.content.decode()
    assert not WbsItem.objects.exists()

    client.post(url, {**data, "ends_on": ""}, HTTP_HX_REQUEST="true")
    assert WbsItem.objects.get().ends_on == date(2026, 10, 10)
