"""Meeting thresholds (`CONCORD_MEETING_*`), read from the settings.

`concord/settings.py` reads them from the environment with their defaults
(see the README's settings table); tests change them with `settings`.
"""

from typing import Any

from django.conf import settings


def get(name: str) -> Any:
    return getattr(settings, name)


def max_minutes(kind: str) -> int | None:
    value = get("CONCORD_MEETING_MAX_MINUTES").get(kind)
    return int(value) if value else None


def decision_maker_kinds() -> set[str]:
    value = get("CONCORD_MEETING_DECISION_MAKER_KINDS")
    if isinstance(value, str):
        return {part.strip() for part in value.split(",") if part.strip()}
    return set(value)
