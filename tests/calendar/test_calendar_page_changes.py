"""The PMO marks days working or off and clears overrides from the page; others cannot."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from concord.activity.models import Event
from concord.orgs import services
from concord.orgs.models import CalendarOverride
from tests.personas import Org

HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _day_url(day: str) -> str:
    return f"/org/calendar/days/{day}/"


def test_the_pmo_marks_a_day_off_and_gets_the_month_back(org: Org) -> None:
    response = _client(org.pam).post(
        _day_url("2026-11-23"), {"action": "off", "note": "司庆"}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="calendar-body"')
    assert 'data-day="2026-11-23" data-reason="override" data-working="0"' in html
    row = CalendarOverride.objects.get(day=date(2026, 11, 23))
    assert (row.is_working, row.note) == (False, "司庆")
    assert Event.objects.filter(verb="calendar.override_set", actor=org.pam).count() == 1


def test_the_pmo_marks_a_2027_holiday_and_clears_it(org: Org) -> None:
    client = _client(org.pam)
    client.post(_day_url("2027-02-08"), {"action": "off"}, **HTMX)
    assert CalendarOverride.objects.get(day=date(2027, 2, 8)).is_working is False
    response = client.post(_day_url("2027-02-08"), {"action": "clear"}, **HTMX)
    assert (
        'data-day="2027-02-08" data-reason="workday" data-working="1"' in response.content.decode()
    )
    assert not CalendarOverride.objects.exists()


def test_the_pmo_marks_a_makeup_saturday_working(org: Org) -> None:
    _client(org.pam).post(_day_url("2027-02-20"), {"action": "working"}, **HTMX)
    assert CalendarOverride.objects.get(day=date(2027, 2, 20)).is_working is True


def test_without_htmx_it_redirects_to_the_month(org: Org) -> None:
    response = _client(org.pam).post(_day_url("2027-02-08"), {"action": "off"})
    assert response.status_code == 302
    assert response["Location"] == "/org/calendar/?year=2027&month=2"


def test_the_pmo_sets_a_range(org: Org) -> None:
    response = _client(org.pam).post(
        "/org/calendar/range/",
        {"first": "2027-02-06", "last": "2027-02-12", "is_working": "0", "note": "春节"},
        **HTMX,
    )
    assert response.status_code == 200
    assert CalendarOverride.objects.filter(is_working=False, note="春节").count() == 7
    assert "The working calendar was updated." in response.content.decode()


def test_a_bad_range_is_reported_not_saved(org: Org) -> None:
    response = _client(org.pam).post(
        "/org/calendar/range/",
        {"first": "2027-02-12", "last": "2027-02-06", "is_working": "0"},
        **HTMX,
    )
    assert response.status_code == 200
    assert "The last date must not be before the first." in response.content.decode()
    assert not CalendarOverride.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "mark", "oscar"])
def test_others_are_refused(org: Org, persona: str) -> None:
    services.calendar_override_set(actor=org.pam, day=date(2027, 2, 8), is_working=False)
    client = _client(getattr(org, persona))
    assert client.post(_day_url("2027-02-09"), {"action": "off"}, **HTMX).status_code == 403
    assert client.post(_day_url("2027-02-08"), {"action": "clear"}, **HTMX).status_code == 403
    response = client.post(
        "/org/calendar/range/", {"first": "2027-02-06", "last": "2027-02-07", "is_working": "0"}
    )
    assert response.status_code == 403
    assert list(CalendarOverride.objects.values_list("day", flat=True)) == [date(2027, 2, 8)]


@pytest.mark.parametrize(
    ("day", "data", "status"),
    [
        ("2027-02-30", {"action": "off"}, 404),
        ("someday", {"action": "off"}, 404),
        ("2027-02-08", {"action": "explode"}, 400),
        ("2027-02-08", {}, 400),
    ],
)
def test_bad_input_is_a_4xx(org: Org, day: str, data: dict[str, str], status: int) -> None:
    assert _client(org.pam).post(_day_url(day), data, **HTMX).status_code == status
    assert not CalendarOverride.objects.exists()


def test_changes_are_post_only(org: Org) -> None:
    assert _client(org.pam).get(_day_url("2027-02-08"), {"action": "off"}).status_code == 405
    assert not CalendarOverride.objects.exists()
