"""Publishing sends the minutes to attendees; each confirms or objects within the window;
objections go to the note-taker, who revises and republishes (confirmations start over)."""

import pytest

from concord.lib.errors import DomainError
from concord.meetings import services
from concord.meetings.models import Attendee
from concord.notifications.models import Notification

from .helpers import meeting


def test_confirm_object_and_republish(org, proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
        with pytest.raises(DomainError) as err:
            services.minutes_confirm(actor=proj.rob, meeting=m)
        assert err.value.code == "conflict"
    with at("2026-07-03 16:00"):
        services.decision_add(actor=proj.cara, meeting=m, text="海报由设计部负责")
        services.minutes_publish(actor=proj.cara, meeting=m)
        assert Notification.objects.filter(
            kind="meetings.minutes_published", recipient=proj.rob
        ).exists()
        m.refresh_from_db()
        # One working day: Friday 16:00 → Monday 16:00.
        assert m.confirm_by.isoformat().startswith("2026-07-06T")
        services.minutes_confirm(actor=proj.leo, meeting=m)
        services.minutes_object(actor=proj.rob, meeting=m, text="截止日期写错了")
        assert Notification.objects.filter(
            kind="meetings.minutes_objection", recipient=proj.cara
        ).exists()
        with pytest.raises(DomainError) as err:
            services.minutes_confirm(actor=org.oscar, meeting=m)
        assert err.value.code == "forbidden"
        with pytest.raises(DomainError):
            services.minutes_object(actor=proj.rob, meeting=m, text="  ")
    rows = {a.user_id: a for a in Attendee.objects.filter(meeting=m)}
    assert rows[proj.leo.pk].confirmed_at is not None
    assert rows[proj.rob.pk].objection == "截止日期写错了"
    with at("2026-07-03 17:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
    m.refresh_from_db()
    assert m.minutes_revision == 2
    rows = {a.user_id: a for a in Attendee.objects.filter(meeting=m)}
    assert rows[proj.leo.pk].confirmed_at is None
    assert rows[proj.rob.pk].objection == ""
    with at("2026-07-03 17:05"):
        services.minutes_confirm(actor=proj.rob, meeting=m)


def test_confirmations_and_objections_close_with_the_window(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
    with at("2026-07-06 16:01"):
        with pytest.raises(DomainError) as err:
            services.minutes_object(actor=proj.rob, meeting=m, text="晚了")
        assert err.value.code == "conflict"
        with pytest.raises(DomainError) as err:
            services.minutes_confirm(actor=proj.rob, meeting=m)
        assert err.value.code == "conflict"
    confirmed = Attendee.objects.filter(meeting=m, confirmed_at__isnull=False)
    assert list(confirmed.values_list("user", flat=True)) == [proj.cara.pk]  # the publisher


def test_the_page_offers_to_confirm_only_while_the_window_is_open(proj, at):
    from django.test import Client

    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
    client = Client(headers={"accept-language": "en"})
    client.force_login(proj.rob)
    with at("2026-07-06 15:59"):
        page = client.get(m.get_absolute_url()).content.decode()
        assert 'data-testid="confirm"' in page
        assert "confirm or object by 2026-07-06 16:00" in page
    with at("2026-07-06 16:01"):
        page = client.get(m.get_absolute_url()).content.decode()
        assert 'data-testid="confirm"' not in page
        assert 'data-testid="object"' not in page
        assert "the window to confirm or object closed 2026-07-06 16:00" in page


def test_the_window_is_configurable(proj, at, settings):
    settings.CONCORD_MEETING_CONFIRM_WORKING_DAYS = 3
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
    m.refresh_from_db()
    assert m.confirm_by.isoformat().startswith("2026-07-08T")


def test_minutes_cannot_be_published_before_the_meeting(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
        with pytest.raises(DomainError) as err:
            services.minutes_publish(actor=proj.cara, meeting=m)
    assert err.value.code == "conflict"


def test_silent_attendees_are_reminded_before_the_window_closes(proj, at):
    from concord.timers.sweep import sweep

    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
        services.minutes_confirm(actor=proj.leo, meeting=m)
    with at("2026-07-06 14:00"):  # two hours before Monday 16:00
        sweep()
    reminded = set(
        Notification.objects.filter(kind="meetings.confirm_reminder").values_list(
            "recipient_id", flat=True
        )
    )
    assert reminded == {proj.rob.pk}  # cara published the text: she stands by it
    with at("2026-07-06 16:00"):
        sweep()
    from concord.activity.models import Event

    closed = Event.objects.get(verb="meeting.confirm_window_closed", subject_id=m.pk)
    assert sorted(closed.after["confirmed"]) == sorted([proj.leo.pk, proj.cara.pk])


def test_after_publication_the_title_may_change_but_not_the_time(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
        m = services.meeting_update(
            actor=proj.leo, meeting=m, title="改名", starts_at=m.starts_at, duration_minutes=60
        )
        assert m.title == "改名"
        with pytest.raises(DomainError) as err:
            services.meeting_update(actor=proj.leo, meeting=m, duration_minutes=90)
    assert err.value.code == "conflict"


def test_the_publisher_stands_by_the_text_and_is_not_asked_to_confirm(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 16:00"):
        services.minutes_publish(actor=proj.cara, meeting=m)
    rows = {a.user_id: a for a in Attendee.objects.filter(meeting=m)}
    assert rows[proj.cara.pk].confirmed_at is not None
    assert rows[proj.rob.pk].confirmed_at is None
    assert not Notification.objects.filter(
        kind="meetings.minutes_published", recipient=proj.cara
    ).exists()
