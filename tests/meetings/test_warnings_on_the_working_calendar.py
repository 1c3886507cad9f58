"""Materials, length and first-notice warnings follow the working calendar and the settings."""

from django.core.files.uploadedfile import SimpleUploadedFile

from concord.meetings import selectors, services

from .helpers import meeting


def _send(proj, m):
    services.material_add(
        actor=proj.leo, meeting=m, file=SimpleUploadedFile("议程.txt", "材料".encode())
    )
    services.materials_send(actor=proj.leo, meeting=m)


def _has(m, words):
    return any(words in w for w in selectors.warnings(m))


def test_materials_sent_on_the_weekend_before_a_monday_meeting_are_late(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-06 14:00", minutes=60)  # a Monday
    with at("2026-07-04 11:00"):  # Saturday: after Friday 14:00
        _send(proj, m)
        m.refresh_from_db()
        assert _has(m, "were sent less than 1 working day")


def test_materials_sent_the_working_day_before_are_in_time(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-06 14:00", minutes=60)
    with at("2026-07-03 13:59"):  # Friday before 14:00
        _send(proj, m)
        m.refresh_from_db()
        assert not any("materials" in w.lower() or "材料" in w for w in selectors.warnings(m))


def test_the_national_day_holiday_does_not_count_as_notice(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        m = meeting(
            proj, when="2026-10-08 10:00", minutes=60
        )  # first working day after the holiday
    with at("2026-10-05 10:00"):  # inside the holiday: the deadline was 30 September
        m.refresh_from_db()
        assert _has(m, "have not been sent 1 working day")
        _send(proj, m)
        m.refresh_from_db()
        assert _has(m, "were sent less than")


def test_unsent_materials_are_only_warned_about_once_the_deadline_passed(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-10 10:00", minutes=60)
        assert not _has(m, "materials")
    with at("2026-07-09 10:01"):
        assert _has(m, "have not been sent")


def test_long_coordination_and_weekly_meetings_are_warned_about(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        coordination = meeting(proj, when="2026-07-10 10:00", minutes=91)
        weekly = meeting(proj, kind="weekly", when="2026-07-10 14:00", minutes=61)
        short = meeting(proj, kind="weekly", when="2026-07-17 14:00", minutes=60)
    assert _has(coordination, "exceeds 90 minutes")
    assert _has(weekly, "exceeds 60 minutes")
    assert not _has(short, "exceeds")
    settings.CONCORD_MEETING_MAX_MINUTES = {"weekly": 30}
    assert _has(short, "exceeds 30 minutes")
    assert not _has(coordination, "exceeds")


def test_a_coordinations_first_meeting_needs_two_working_days_notice(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    proj.collab.kind = "coordination"
    proj.collab.save(update_fields=["kind"])
    with at("2026-07-02 10:00"):  # Thursday; the meeting is Monday 09:00: one working day
        first = meeting(proj, when="2026-07-06 09:00", minutes=60)
        later = meeting(proj, when="2026-07-08 09:00", minutes=60)
    assert _has(first, "less than 2 working days")
    assert not _has(later, "less than 2 working days")


def test_two_working_days_notice_is_enough(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    proj.collab.kind = "coordination"
    proj.collab.save(update_fields=["kind"])
    with at("2026-07-02 09:00"):
        first = meeting(proj, when="2026-07-06 09:00", minutes=60)
    assert not _has(first, "working days")
    settings.CONCORD_MEETING_FIRST_NOTICE_WORKING_DAYS = 3
    assert _has(first, "less than 3 working days")


def test_the_default_agenda_fills_the_planned_length(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        for minutes in (60, 30, 15, 90):
            m = meeting(proj, when="2026-07-10 10:00", minutes=minutes)
            boxes = [i.minutes for i in m.agenda.all()]
            assert sum(boxes) == minutes
            assert boxes[2] == max(boxes)  # the discussion gets the most time
            assert not _has(m, "agenda")
        services.agenda_set(
            actor=proj.leo,
            meeting=m,
            items=[{"title": "议题讨论", "minutes": 80}, {"title": "待办明确", "minutes": 20}],
        )
        assert _has(m, "The agenda (100 min) is longer than the meeting (90 min)")


def test_a_material_added_after_sending_is_unsent(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-10 10:00", minutes=60)
        _send(proj, m)
    with at("2026-07-02 10:00"):
        services.material_add(
            actor=proj.leo, meeting=m, file=SimpleUploadedFile("数据.txt", "报表".encode())
        )
    with at("2026-07-09 10:01"):
        m.refresh_from_db()
        assert _has(m, "have not been sent 1 working day")
        _send(proj, m)
        m.refresh_from_db()
        assert _has(m, "were sent less than 1 working day")


def test_a_daily_stand_up_is_not_warned_about_materials(proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        m = meeting(proj, kind="standup", when="2026-07-02 09:00", minutes=15)
    with at("2026-07-02 08:30"):
        assert not _has(m, "materials")
