from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def sh(*args: int) -> datetime:
    """Return an aware datetime in Shanghai (the default TIME_ZONE)."""
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc]
