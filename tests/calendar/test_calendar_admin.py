"""Writes through the admin go through the calendar services, so they leave events too."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from concord.activity.models import Event
from concord.orgs import services
from concord.orgs.models import CalendarOverride
from tests.personas import Org

ADMIN = "/admin/orgs/calendaroverride/"


@pytest.fixture
def root_client(org: Org) -> Client:
    root = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")
    client = Client()
    client.force_login(root)
    return client


def test_adding_in_the_admin_records_an_event(root_client: Client) -> None:
    response = root_client.post(
        f"{ADMIN}add/", {"day": "2027-02-08", "is_working": "", "note": "春节"}
    )
    assert response.status_code == 302, response.content
    row = CalendarOverride.objects.get(day=date(2027, 2, 8))
    assert (row.is_working, row.note) == (False, "春节")
    event = Event.objects.get(verb="calendar.override_set")
    assert event.actor is not None
    assert event.actor.username == "root"


def test_changing_in_the_admin_records_an_event(org: Org, root_client: Client) -> None:
    row = services.calendar_override_set(actor=org.pam, day=date(2027, 2, 8), is_working=False)
    response = root_client.post(f"{ADMIN}{row.pk}/change/", {"is_working": "on", "note": "改"})
    assert response.status_code == 302, response.content
    row.refresh_from_db()
    assert row.is_working is True
    assert row.day == date(2027, 2, 8)
    assert Event.objects.filter(verb="calendar.override_set").count() == 2


def test_deleting_in_the_admin_records_an_event(org: Org, root_client: Client) -> None:
    row = services.calendar_override_set(actor=org.pam, day=date(2027, 2, 8), is_working=False)
    response = root_client.post(f"{ADMIN}{row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not CalendarOverride.objects.exists()
    assert Event.objects.filter(verb="calendar.override_cleared").count() == 1


def test_the_bulk_delete_action_records_an_event_per_day(org: Org, root_client: Client) -> None:
    rows = services.calendar_override_set_range(
        actor=org.pam, first=date(2027, 2, 6), last=date(2027, 2, 8), is_working=False
    )
    response = root_client.post(
        ADMIN,
        {"action": "delete_selected", "_selected_action": [r.pk for r in rows], "post": "yes"},
    )
    assert response.status_code == 302
    assert not CalendarOverride.objects.exists()
    assert Event.objects.filter(verb="calendar.override_cleared").count() == 3


def test_staff_without_the_pmo_role_cannot_touch_overrides(org: Org) -> None:
    staff = get_user_model().objects.create_user("clerk", password="pw-clerk-1", is_staff=True)
    client = Client()
    client.force_login(staff)
    assert client.get(f"{ADMIN}add/").status_code == 403
