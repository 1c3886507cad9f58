"""The calendar over the API: reads for all signed in, overrides for the PMO, 4xx on bad input."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from concord.activity.models import Event
from concord.orgs import services
from concord.orgs.models import CalendarOverride
from tests.personas import Org

BASE = "/api/v1/calendar"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_requires_authentication(db: None) -> None:
    response = Client().get(f"{BASE}/days/2026-10-01")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize(
    ("day", "working", "reason", "holiday"),
    [
        ("2026-10-01", False, "statutory_holiday", "National Day"),
        ("2026-10-10", True, "makeup_workday", "National Day"),
        ("2026-09-20", True, "makeup_workday", "National Day"),
        ("2026-02-14", True, "makeup_workday", "Spring Festival"),
        ("2026-11-21", False, "weekend", None),
        ("2026-11-23", True, "workday", None),
        ("2027-02-08", True, "workday", None),
    ],
)
def test_a_day_says_whether_and_why(
    org: Org, day: str, working: bool, reason: str, holiday: str | None
) -> None:
    body = _client(org.alice).get(f"{BASE}/days/{day}").json()
    assert body["date"] == day
    assert body["is_working"] is working
    assert body["reason"] == reason
    assert body["holiday_key"] == holiday
    assert body["override_note"] is None


def test_a_day_names_its_holiday_in_the_request_language(org: Org) -> None:
    client = _client(org.alice)
    body = client.get(f"{BASE}/days/2026-10-01", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["holiday_name"] == "National Day"


def test_an_overridden_day_shows_the_override(org: Org) -> None:
    services.calendar_override_set(
        actor=org.pam, day=date(2027, 2, 8), is_working=False, note="春节"
    )
    body = _client(org.oscar).get(f"{BASE}/days/2027-02-08").json()
    assert body["is_working"] is False
    assert body["reason"] == "override"
    assert body["override_note"] == "春节"
    assert body["statutory_known"] is False


def test_a_month_lists_every_day(org: Org) -> None:
    body = _client(org.alice).get(f"{BASE}/month", {"year": 2026, "month": 10}).json()
    assert len(body["days"]) == 31
    assert [d["is_working"] for d in body["days"][:11]] == [False] * 7 + [True] * 3 + [False]
    assert body["days"][9]["reason"] == "makeup_workday"


@pytest.mark.parametrize(
    ("params", "result"),
    [
        ({"start": "2026-09-30T10:00:00+08:00", "days": 1}, "2026-10-08T10:00:00+08:00"),
        ({"start": "2026-09-30T02:00:00Z", "days": 3}, "2026-10-10T10:00:00+08:00"),
        # Without an offset the time is read in the server's zone (Asia/Shanghai).
        ({"start": "2026-09-30T10:00:00", "days": 1}, "2026-10-08T10:00:00+08:00"),
        ({"start": "2026-10-03T10:00:00+08:00", "days": 0}, "2026-10-08T09:00:00+08:00"),
    ],
)
def test_it_adds_working_days(org: Org, params: dict[str, Any], result: str) -> None:
    response = _client(org.alice).get(f"{BASE}/add-working-days", params)
    assert response.status_code == 200
    assert response.json()["result"] == result
    assert response.json()["days"] == params["days"]


def test_it_adds_working_hours(org: Org) -> None:
    response = _client(org.alice).get(
        f"{BASE}/add-working-hours", {"start": "2026-09-30T17:00:00+08:00", "hours": 2}
    )
    assert response.status_code == 200
    assert response.json()["result"] == "2026-10-08T10:00:00+08:00"


def test_it_measures_working_time_between(org: Org) -> None:
    client = _client(org.alice)
    params = {"start": "2026-09-30T17:00:00+08:00", "end": "2026-10-08T10:00:00+08:00"}
    assert client.get(f"{BASE}/working-time-between", params).json()["seconds"] == 7200
    reverse = {"start": params["end"], "end": params["start"]}
    assert client.get(f"{BASE}/working-time-between", reverse).json()["seconds"] == -7200


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/days/2026-02-30", {}),
        ("/days/yesterday", {}),
        ("/add-working-days", {"start": "2026-09-30T10:00:00+08:00", "days": -1}),
        ("/add-working-days", {"start": "2026-09-30T10:00:00+08:00", "days": 3651}),
        ("/add-working-days", {"start": "2026-09-30T10:00:00+08:00", "days": "two"}),
        ("/add-working-days", {"start": "not a time", "days": 1}),
        ("/add-working-days", {"days": 1}),
        ("/add-working-hours", {"start": "2026-09-30T10:00:00+08:00", "hours": -2}),
        ("/add-working-hours", {"start": "2026-09-30T10:00:00+08:00", "hours": "nan"}),
        ("/add-working-hours", {"start": "2026-09-30T10:00:00+08:00", "hours": 30001}),
        ("/month", {"year": 2026, "month": 13}),
        ("/month", {"year": 10000, "month": 1}),
        ("/month", {"year": "x", "month": 1}),
    ],
)
def test_bad_input_is_a_422_json_error(org: Org, path: str, params: dict[str, Any]) -> None:
    response = _client(org.alice).get(f"{BASE}{path}", params)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/add-working-days", {"start": "9999-12-30T10:00:00+08:00", "days": 3000}),
        ("/add-working-hours", {"start": "9999-12-30T10:00:00+08:00", "hours": 20000}),
        (
            "/working-time-between",
            {"start": "2000-01-01T00:00:00+08:00", "end": "2026-01-01T00:00:00+08:00"},
        ),
    ],
)
def test_what_cannot_be_computed_is_a_400(org: Org, path: str, params: dict[str, Any]) -> None:
    response = _client(org.alice).get(f"{BASE}{path}", params)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize("persona", ["alice", "mark", "oscar"])
def test_overrides_are_refused_to_others_with_403(org: Org, persona: str) -> None:
    services.calendar_override_set(actor=org.pam, day=date(2027, 2, 8), is_working=False)
    client = _client(getattr(org, persona))
    url = f"{BASE}/overrides/2027-02-08"
    for response in (
        client.get(f"{BASE}/overrides"),
        client.get(url),
        client.put(url, {"is_working": True}, content_type="application/json"),
        client.delete(url),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
    assert CalendarOverride.objects.get(day=date(2027, 2, 8)).is_working is False


def test_the_pmo_puts_reads_lists_and_deletes_an_override(org: Org) -> None:
    client = _client(org.pam)
    url = f"{BASE}/overrides/2027-02-08"
    assert client.get(url).status_code == 404
    response = client.put(
        url, {"is_working": False, "note": "春节"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["note"] == "春节"
    assert client.get(url).json()["is_working"] is False
    assert [o["date"] for o in client.get(f"{BASE}/overrides", {"year": 2027}).json()] == [
        "2027-02-08"
    ]
    assert client.get(f"{BASE}/overrides", {"year": 2026}).json() == []
    assert client.delete(url).status_code == 204
    assert client.delete(url).status_code == 404
    assert Event.objects.filter(verb__startswith="calendar.").count() == 2


@pytest.mark.parametrize(
    "body",
    [{}, {"is_working": "maybe"}, {"is_working": True, "note": "x" * 201}],
)
def test_a_bad_override_body_is_a_422(org: Org, body: dict[str, Any]) -> None:
    response = _client(org.pam).put(
        f"{BASE}/overrides/2027-02-08", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert not CalendarOverride.objects.exists()
