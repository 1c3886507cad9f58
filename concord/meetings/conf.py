"""Meeting thresholds, each overridable in settings (`CONCORD_MEETING_*`)."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Materials should reach the attendees at least this many working days ahead.
    "CONCORD_MEETING_MATERIALS_WORKING_DAYS": 1,
    # Planned length (minutes) above which a meeting of the kind is warned about.
    "CONCORD_MEETING_MAX_MINUTES": {"coordination": 90, "weekly": 60},
    # Notice (working days) the other departments get for a coordination's first meeting.
    "CONCORD_MEETING_FIRST_NOTICE_WORKING_DAYS": 2,
    # Minutes are due this many hours after the meeting's end.
    "CONCORD_MEETING_MINUTES_DUE_HOURS": 24,
    # The note-taker is reminded this many hours before the minutes are due.
    "CONCORD_MEETING_MINUTES_REMIND_HOURS": 2,
    # Attendees confirm or object within this many working days of publication.
    "CONCORD_MEETING_CONFIRM_WORKING_DAYS": 1,
    # Occurrences of a recurring meeting are made this many weeks ahead.
    "CONCORD_MEETING_SERIES_HORIZON_WEEKS": 8,
    # Largest material file, in bytes.
    "CONCORD_MEETING_MAX_MATERIAL_BYTES": 20 * 1024 * 1024,
}


def get(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])


def max_minutes(kind: str) -> int | None:
    value = get("CONCORD_MEETING_MAX_MINUTES").get(kind)
    return int(value) if value else None
