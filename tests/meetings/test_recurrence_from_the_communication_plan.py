"""Recurring meetings are made from the communication plan's RRULE rows, idempotently, extended
daily, and a series can be changed from one occurrence on (the old part ends with UNTIL)."""

from datetime import datetime

import pytest

from concord.communication import services as comm
from concord.communication.inputs import ItemInput
from concord.lib.errors import DomainError
from concord.meetings import recurrence
from concord.meetings.models import Meeting, Series
from concord.timers.sweep import sweep

from .helpers import local


def _item(org, proj, rrule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0"):
    comm.comm_plan_create(actor=org.pam, collaboration=proj.collab)
    return comm.comm_item_add(
        actor=org.pam,
        collaboration=proj.collab,
        data=ItemInput(
            topic="周例会", channel="meeting", rrule=rrule, owner=proj.leo, people=[proj.rob]
        ),
    )


def _starts(series) -> list[datetime]:
    return list(
        Meeting.objects.filter(series=series)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
    )


def test_a_plan_row_makes_its_weekly_meetings_for_eight_weeks_once(org, proj, at):
    with at("2026-07-01 10:00"):
        item = _item(org, proj)
        series = recurrence.series_create(actor=proj.leo, comm_item=item)
        assert recurrence.series_extend(series=series) == []
        with pytest.raises(DomainError) as err:
            recurrence.series_create(actor=proj.leo, comm_item=item)
        assert err.value.code == "conflict"
    starts = _starts(series)
    assert starts[0] == local("2026-07-06 10:00")
    assert len(starts) == 8
    first = Meeting.objects.get(series=series, starts_at=starts[0])
    assert first.kind == "weekly"
    assert first.host == proj.leo
    assert set(first.attendees.values_list("user_id", flat=True)) >= {proj.rob.pk, proj.leo.pk}
    from concord.notifications.models import Notification

    invites = Notification.objects.filter(kind="meetings.invited", recipient=proj.rob)
    assert invites.count() == 1  # one for the series, not one per occurrence
    with at("2026-07-08 10:00"):
        sweep()  # the daily extension
    assert _starts(series)[-1] == local("2026-08-31 10:00")
    assert len(_starts(series)) == 9


def test_series_from_plan_skips_rows_that_have_one(org, proj, at, settings):
    settings.CONCORD_MEETING_SERIES_HORIZON_WEEKS = 1
    with at("2026-07-01 10:00"):
        _item(org, proj)  # plus the default stand-up and weekly rows
        made = recurrence.series_from_plan(actor=proj.leo, collaboration=proj.collab)
        assert len(made) >= 1
        assert recurrence.series_from_plan(actor=proj.leo, collaboration=proj.collab) == []
    assert Series.objects.filter(collaboration=proj.collab).count() == len(made)


def test_changing_from_one_occurrence_on_splits_the_series(org, proj, at):
    with at("2026-07-01 10:00"):
        series = recurrence.series_create(actor=proj.leo, comm_item=_item(org, proj))
    pivot = Meeting.objects.get(series=series, starts_at=local("2026-07-20 10:00"))
    with at("2026-07-08 10:00"):
        new = recurrence.series_split(
            actor=proj.leo,
            meeting=pivot,
            starts_at=local("2026-07-21 14:00"),
            rrule="FREQ=WEEKLY;BYDAY=TU;BYHOUR=14;BYMINUTE=0",
            duration_minutes=45,
        )
    series.refresh_from_db()
    assert series.until is not None
    assert series.until < local("2026-07-20 10:00")
    assert _starts(series) == [local("2026-07-06 10:00"), local("2026-07-13 10:00")]
    new_starts = _starts(new)
    assert new_starts[0] == local("2026-07-21 14:00")
    assert all(
        s.weekday() == 1
        for s in (x.astimezone(local("2026-07-01 00:00").tzinfo) for x in new_starts)
    )
    assert Meeting.objects.filter(series=new).first().duration_minutes == 45
    assert new.previous == series


def test_a_bad_rule_is_refused(org, proj, at):
    with at("2026-07-01 10:00"):
        item = _item(org, proj)
        item.rrule = "FREQ=SOMETIMES"
        with pytest.raises(DomainError) as err:
            recurrence.series_create(actor=proj.leo, comm_item=item)
    assert "rrule" in err.value.details


def test_moving_one_occurrence_on_moves_the_rules_day_and_time(org, proj, at):
    assert (
        recurrence.shift_rule(
            "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0", local("2026-07-21 14:30")
        )
        == "FREQ=WEEKLY;BYDAY=TU;BYHOUR=14;BYMINUTE=30"
    )
    assert recurrence.shift_rule("FREQ=WEEKLY;BYDAY=MO,WE", local("2026-07-21 14:30")) == (
        "FREQ=WEEKLY;BYDAY=MO,WE"
    )
    with at("2026-07-01 10:00"):
        series = recurrence.series_create(actor=proj.leo, comm_item=_item(org, proj))
    pivot = Meeting.objects.get(series=series, starts_at=local("2026-07-20 10:00"))
    with at("2026-07-08 10:00"):
        new = recurrence.series_split(
            actor=proj.leo, meeting=pivot, starts_at=local("2026-07-21 14:00")
        )
    starts = _starts(new)
    assert starts[:2] == [local("2026-07-21 14:00"), local("2026-07-28 14:00")]


def test_stopping_a_series_drops_its_future_untouched_occurrences(org, proj, at):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from concord.meetings import services

    with at("2026-07-01 10:00"):
        series = recurrence.series_create(actor=proj.leo, comm_item=_item(org, proj))
        kept = Meeting.objects.get(series=series, starts_at=local("2026-07-27 10:00"))
        services.material_add(actor=proj.leo, meeting=kept, file=SimpleUploadedFile("a.txt", b"x"))
    with at("2026-07-14 10:00"):
        recurrence.series_end(actor=proj.leo, series=series)
        with pytest.raises(DomainError):
            recurrence.series_end(actor=proj.leo, series=series)
    assert _starts(series) == [
        local("2026-07-06 10:00"),
        local("2026-07-13 10:00"),
        local("2026-07-27 10:00"),
    ]
    with at("2026-07-20 10:00"):
        from concord.timers.sweep import sweep

        sweep()
    assert len(_starts(series)) == 3


def test_the_pages_say_the_rule_in_words(org, proj, at):
    from django.test import Client
    from django.utils import translation

    with at("2026-07-01 10:00"), translation.override("en"):
        series = recurrence.series_create(actor=proj.leo, comm_item=_item(org, proj))
        assert recurrence.describe(series) == "Weekly on Mon at 10:00"
        series.rrule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"
        assert recurrence.describe(series) == "Every 2 weeks on Mon, Thu at 10:00"
        series.rrule = "FREQ=DAILY"
        assert recurrence.describe(series) == "Daily at 10:00"
        series.rrule = "FREQ=MONTHLY;BYDAY=1MO"  # unusual: shown as it is
        assert recurrence.describe(series) == "FREQ=MONTHLY;BYDAY=1MO"
        client = Client(headers={"accept-language": "en"})
        client.force_login(proj.rob)
        listing = client.get(f"/collaborations/{proj.collab.number}/meetings/").content.decode()
        first = Series.objects.get(pk=series.pk).meetings.first()
        room = client.get(first.get_absolute_url()).content.decode()
    for page in (listing, room):
        assert "Weekly on Mon at 10:00" in page
