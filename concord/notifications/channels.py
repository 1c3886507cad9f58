"""Which outside channels a person is reached through.

Today that is email, for an active person with an address. Personal
preferences and IM robots will decide here later, so `notify` need not change.
"""

from typing import Any


def channels_for(user: Any) -> list[tuple[str, str]]:
    """Return (channel, address) for each outside channel that should reach `user`."""
    channels: list[tuple[str, str]] = []
    email = (user.email or "").strip()
    if user.is_active and email:
        channels.append(("email", email))
    return channels
