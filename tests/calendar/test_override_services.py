"""Only the PMO overrides the calendar; each change leaves exactly one event."""

from datetime import date

import pytest

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.orgs import services
from concord.orgs.models import CalendarOverride
from tests.personas import Org

DAY = date(2027, 2, 8)


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("pam", True), ("alice", False), ("mark", False), ("oscar", False), ("grace", False)],
)
def test_only_the_pmo_may_set_an_override(org: Org, persona: str, allowed: bool) -> None:
    actor = getattr(org, persona)
    if allowed:
        services.calendar_override_set(actor=actor, day=DAY, is_working=False, note="春节")
        assert CalendarOverride.objects.get(day=DAY).is_working is False
    else:
        with pytest.raises(DomainError) as excinfo:
            services.calendar_override_set(actor=actor, day=DAY, is_working=False)
        assert excinfo.value.code == "forbidden"
        assert not CalendarOverride.objects.exists()


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("pam", True), ("alice", False), ("mark", False), ("oscar", False), ("grace", False)],
)
def test_only_the_pmo_may_clear_an_override(org: Org, persona: str, allowed: bool) -> None:
    services.calendar_override_set(actor=org.pam, day=DAY, is_working=False)
    actor = getattr(org, persona)
    if allowed:
        services.calendar_override_clear(actor=actor, day=DAY)
        assert not CalendarOverride.objects.exists()
    else:
        with pytest.raises(DomainError) as excinfo:
            services.calendar_override_clear(actor=actor, day=DAY)
        assert excinfo.value.code == "forbidden"
        assert CalendarOverride.objects.filter(day=DAY).exists()


@pytest.mark.parametrize("persona", ["alice", "oscar"])
def test_only_the_pmo_may_set_a_range(org: Org, persona: str) -> None:
    with pytest.raises(DomainError) as excinfo:
        services.calendar_override_set_range(
            actor=getattr(org, persona), first=DAY, last=date(2027, 2, 12), is_working=False
        )
    assert excinfo.value.code == "forbidden"


def test_anonymous_is_refused(db: None) -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(DomainError):
        services.calendar_override_set(actor=AnonymousUser(), day=DAY, is_working=True)


def test_setting_records_one_event_with_before_and_after(org: Org) -> None:
    row = services.calendar_override_set(actor=org.pam, day=DAY, is_working=False, note=" 春节 ")
    services.calendar_override_set(actor=org.pam, day=DAY, is_working=True, note="调休")
    events = list(Event.objects.filter(verb="calendar.override_set").order_by("id"))
    assert len(events) == 2
    assert events[0].actor == org.pam
    assert events[0].subject_id == row.pk
    assert events[0].before == {}
    assert events[0].after == {"day": "2027-02-08", "is_working": False, "note": "春节"}
    assert events[1].before == events[0].after
    assert events[1].after == {"day": "2027-02-08", "is_working": True, "note": "调休"}
    assert CalendarOverride.objects.count() == 1


def test_setting_the_same_values_again_records_nothing(org: Org) -> None:
    services.calendar_override_set(actor=org.pam, day=DAY, is_working=False)
    services.calendar_override_set(actor=org.pam, day=DAY, is_working=False)
    assert Event.objects.filter(verb="calendar.override_set").count() == 1


def test_clearing_records_one_event_with_the_old_values(org: Org) -> None:
    services.calendar_override_set(actor=org.pam, day=DAY, is_working=False, note="春节")
    services.calendar_override_clear(actor=org.pam, day=DAY)
    event = Event.objects.get(verb="calendar.override_cleared")
    assert event.before == {"day": "2027-02-08", "is_working": False, "note": "春节"}
    assert event.after == {}


def test_clearing_a_day_without_override_is_not_found(org: Org) -> None:
    with pytest.raises(DomainError) as excinfo:
        services.calendar_override_clear(actor=org.pam, day=DAY)
    assert excinfo.value.code == "not_found"
    assert not Event.objects.filter(verb__startswith="calendar.").exists()


def test_a_range_is_one_action_and_one_event(org: Org) -> None:
    services.calendar_override_set(actor=org.pam, day=date(2027, 2, 10), is_working=True)
    rows = services.calendar_override_set_range(
        actor=org.pam, first=date(2027, 2, 6), last=date(2027, 2, 12), is_working=False, note="春节"
    )
    assert [r.day.day for r in rows] == [6, 7, 8, 9, 10, 11, 12]
    assert all(r.is_working is False and r.note == "春节" for r in rows)
    assert CalendarOverride.objects.count() == 7
    event = Event.objects.get(verb="calendar.override_range_set")
    assert event.after["first"] == "2027-02-06"
    assert event.after["last"] == "2027-02-12"
    assert event.before == {"days": {"2027-02-10": {"is_working": True, "note": ""}}}


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [
        (date(2027, 2, 12), date(2027, 2, 6), "last"),
        (date(2027, 1, 1), date(2028, 1, 2), "last"),
    ],
)
def test_a_bad_range_is_refused(org: Org, first: date, last: date, field: str) -> None:
    with pytest.raises(DomainError) as excinfo:
        services.calendar_override_set_range(
            actor=org.pam, first=first, last=last, is_working=False
        )
    assert excinfo.value.code == "invalid"
    assert field in excinfo.value.details
    assert not CalendarOverride.objects.exists()


def test_a_too_long_note_is_refused(org: Org) -> None:
    with pytest.raises(DomainError) as excinfo:
        services.calendar_override_set(actor=org.pam, day=DAY, is_working=False, note="x" * 201)
    assert "note" in excinfo.value.details


def test_a_non_date_is_refused(org: Org) -> None:
    with pytest.raises(DomainError) as excinfo:
        services.calendar_override_set(actor=org.pam, day="2027-02-08", is_working=False)  # type: ignore[arg-type]
    assert "day" in excinfo.value.details
