"""The month page: statuses, holiday names and legend, in both languages; read-only for most."""

from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client

from concord.orgs import services
from tests.personas import Org

URL = "/org/calendar/"


def _client(user: Any, language: str = "zh-hans") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _cell(html: str, day: str) -> str:
    start = html.index(f'data-day="{day}"')
    return html[start : html.index("</td>", start)]


def test_it_needs_a_login(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


@time_machine.travel("2026-10-15 10:00 +0800", tick=False)
def test_it_shows_the_current_month_by_default(org: Org) -> None:
    html = _client(org.alice, "en").get(URL).content.decode()
    assert 'data-day="2026-10-15"' in html
    assert "October 2026" in html


def test_it_shows_national_day_in_english(org: Org) -> None:
    response = _client(org.alice, "en").get(URL, {"year": 2026, "month": 10})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en"' in html
    assert 'data-reason="statutory_holiday"' in _cell(html, "2026-10-01")
    assert "National Day" in _cell(html, "2026-10-01")
    assert 'data-reason="makeup_workday"' in _cell(html, "2026-10-10")
    assert 'data-working="1"' in _cell(html, "2026-10-10")
    assert 'data-reason="weekend"' in _cell(html, "2026-10-11")
    for label in ("Working day", "Weekend", "Public holiday", "Make-up working day", "Overridden"):
        assert label in html


def test_it_renders_in_chinese_by_default(org: Org) -> None:
    response = _client(org.alice).get(URL, {"year": 2026, "month": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-hans"' in html
    assert "2026年2月" in html
    assert 'data-reason="makeup_workday"' in _cell(html, "2026-02-14")
    assert 'data-reason="statutory_holiday"' in _cell(html, "2026-02-16")


def test_it_warns_that_2027_is_not_known_yet(org: Org) -> None:
    html = _client(org.alice, "en").get(URL, {"year": 2027, "month": 2}).content.decode()
    assert 'data-testid="calendar-unknown-year"' in html
    html = _client(org.alice, "en").get(URL, {"year": 2026, "month": 2}).content.decode()
    assert 'data-testid="calendar-unknown-year"' not in html


def test_it_links_the_neighbouring_months(org: Org) -> None:
    html = _client(org.alice).get(URL, {"year": 2026, "month": 12}).content.decode()
    assert "?year=2026&amp;month=11" in html
    assert "?year=2027&amp;month=1" in html
    html = _client(org.alice).get(URL, {"year": 2026, "month": 1}).content.decode()
    assert "?year=2025&amp;month=12" in html


@pytest.mark.parametrize(
    "params",
    [{"year": "x"}, {"month": "13"}, {"year": "2026", "month": "0"}, {"year": "10000"}],
)
def test_a_bad_month_is_a_400(org: Org, params: dict[str, str]) -> None:
    assert _client(org.alice).get(URL, params).status_code == 400


@pytest.mark.parametrize(
    ("persona", "controls"), [("pam", True), ("alice", False), ("oscar", False), ("mark", False)]
)
def test_only_the_pmo_sees_the_controls(org: Org, persona: str, controls: bool) -> None:
    services.calendar_override_set(
        actor=org.pam, day=date(2026, 11, 23), is_working=False, note="司庆"
    )
    html = (
        _client(getattr(org, persona), "en").get(URL, {"year": 2026, "month": 11}).content.decode()
    )
    assert ('data-testid="mark-off"' in html) is controls
    assert ('data-testid="calendar-range-form"' in html) is controls
    # Everyone sees the override itself and its note.
    assert 'data-reason="override"' in _cell(html, "2026-11-23")
    assert "司庆" in html
