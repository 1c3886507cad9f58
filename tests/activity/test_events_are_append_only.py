import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from concord.activity.models import AppendOnlyError, Event
from tests.personas import Org


def test_it_records_an_event_for_each_service_call(org: Org) -> None:
    """Creating a department leaves one event with the values after the change."""
    event = Event.objects.filter(verb="department.created", subject_repr="市场部").get()
    assert event.after["code"] == "market"
    assert event.before == {}


def test_it_refuses_to_change_an_event_through_the_model(org: Org) -> None:
    event = Event.objects.first()
    assert event is not None
    event.verb = "forged"
    with pytest.raises(AppendOnlyError):
        event.save()


def test_it_refuses_to_delete_an_event_through_the_model(org: Org) -> None:
    event = Event.objects.first()
    assert event is not None
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_it_refuses_bulk_update_and_delete(org: Org) -> None:
    with pytest.raises(AppendOnlyError):
        Event.objects.all().update(verb="forged")
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(verb="person.created").delete()


def test_the_database_refuses_a_raw_update(org: Org) -> None:
    """Even SQL that bypasses the ORM cannot rewrite history."""
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE activity_event SET verb = 'forged'")
    assert not Event.objects.filter(verb="forged").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite keeps DELETE open for the test flush"
)
def test_postgresql_refuses_a_raw_delete(org: Org) -> None:
    count = Event.objects.count()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM activity_event")
    assert Event.objects.count() == count


def test_the_admin_offers_no_way_to_change_events(org: Org, client) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")
    client.force_login(admin)
    event = Event.objects.first()
    assert event is not None
    assert client.get(f"/admin/activity/event/{event.pk}/delete/").status_code == 403
    response = client.post(f"/admin/activity/event/{event.pk}/change/", {"verb": "forged"})
    assert response.status_code == 403
    assert client.get("/admin/activity/event/add/").status_code == 403
    event.refresh_from_db()
    assert event.verb != "forged"
