"""Meetings made the way users make them: through the services."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from concord.meetings import services
from concord.meetings.models import Meeting
from tests.tasks.helpers import Project

TZ = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    """`"2026-07-03 14:00"` as an aware Asia/Shanghai time."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def meeting(
    proj: Project,
    *,
    kind: str = "coordination",
    when: str = "2026-07-03 14:00",
    minutes: int = 60,
    **kw: Any,
) -> Meeting:
    """A meeting of the project hosted by leo, notes by cara, rob attending."""
    return services.meeting_schedule(
        actor=kw.pop("actor", proj.leo),
        collaboration=proj.collab,
        kind=kind,
        title=kw.pop("title", "协调会"),
        starts_at=local(when),
        duration_minutes=minutes,
        host=kw.pop("host", proj.leo),
        note_taker=kw.pop("note_taker", proj.cara),
        attendees=kw.pop("attendees", [proj.rob]),
        **kw,
    )
