"""Meeting thresholds (`CONCORD_MEETING_*`): a setting, else the environment, else the default.

The environment gives whole numbers, and for `CONCORD_MEETING_MAX_MINUTES`
`kind=minutes` pairs separated by commas (`coordination=90,weekly=60`).
"""

import os
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
    # Kinds of meeting that should name a decision maker (决策人).
    "CONCORD_MEETING_DECISION_MAKER_KINDS": "escalation,milestone_review",
    # Largest material file, in bytes.
    "CONCORD_MEETING_MAX_MATERIAL_BYTES": 20 * 1024 * 1024,
}


def _parse(name: str, text: str) -> Any:
    default = DEFAULTS[name]
    try:
        if isinstance(default, str):
            return text
        if isinstance(default, dict):
            pairs = (part.split("=", 1) for part in text.split(",") if "=" in part)
            return {k.strip(): int(v) for k, v in pairs}
        return int(text)
    except ValueError:
        return default


def get(name: str) -> Any:
    if hasattr(settings, name):
        return getattr(settings, name)
    text = os.environ.get(name, "").strip()
    return _parse(name, text) if text else DEFAULTS[name]


def max_minutes(kind: str) -> int | None:
    value = get("CONCORD_MEETING_MAX_MINUTES").get(kind)
    return int(value) if value else None


def decision_maker_kinds() -> set[str]:
    value = get("CONCORD_MEETING_DECISION_MAKER_KINDS")
    if isinstance(value, str):
        return {part.strip() for part in value.split(",") if part.strip()}
    return set(value)
