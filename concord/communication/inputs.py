"""What a communication item is made of, checked before it is written."""

from dataclasses import dataclass, field
from typing import Any

from dateutil.rrule import rrulestr
from django.utils.translation import gettext as _

from concord.lib.errors import DomainError
from concord.orgs.models import Department

from .models import Channel

# Rules that would make a meeting series unbounded in a harmful way are
# refused; a weekly rule with no end is fine (meetings are created ahead).
_FORBIDDEN_FREQ = {"SECONDLY", "MINUTELY", "HOURLY"}


@dataclass
class ItemInput:
    topic: str
    channel: str
    frequency: str = ""
    rrule: str = ""
    owner: Any | None = None
    output: str = ""
    notes: str = ""
    departments: list[Department] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)


def check_rrule(text: str) -> str:
    """Return the RFC 5545 rule cleaned up, or raise if dateutil cannot read it."""
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:].strip()
    if not rule:
        return ""
    if "\n" in rule or "DTSTART" in rule.upper():
        raise DomainError(
            _("Recurrence: give only the RRULE part, without DTSTART."), field="rrule"
        )
    try:
        rrulestr(rule)
    except (ValueError, TypeError) as exc:
        raise DomainError(
            _("Recurrence: “%(rule)s” is not a valid RFC 5545 rule (%(error)s).")
            % {"rule": rule, "error": exc},
            field="rrule",
        ) from None
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    if parts.get("FREQ") in _FORBIDDEN_FREQ:
        raise DomainError(_("Recurrence: meetings repeat at most daily."), field="rrule")
    return rule.upper()


def check_item(data: ItemInput) -> ItemInput:
    """Return `data` trimmed and checked; raise DomainError on the first bad field."""
    topic = data.topic.strip()
    if not topic:
        raise DomainError(_("Topic: say what is communicated."), field="topic")
    if len(topic) > 200:
        raise DomainError(_("Topic: at most 200 characters."), field="topic")
    if data.channel not in Channel.values:
        raise DomainError(_("Channel: choose one of the listed channels."), field="channel")
    rule = check_rrule(data.rrule)
    if rule and data.channel != Channel.MEETING:
        raise DomainError(_("Recurrence: only meetings recur."), field="rrule")
    for name, limit in (("frequency", 200), ("output", 200)):
        if len(getattr(data, name).strip()) > limit:
            raise DomainError(
                _("%(field)s: at most %(limit)d characters.") % {"field": name, "limit": limit},
                field=name,
            )
    owner = data.owner
    if owner is not None and (not owner.is_active or getattr(owner, "person", None) is None):
        raise DomainError(_("Owner: choose an active employee."), field="owner")
    return ItemInput(
        topic=topic,
        channel=data.channel,
        frequency=data.frequency.strip(),
        rrule=rule,
        owner=owner,
        output=data.output.strip(),
        notes=data.notes.strip(),
        departments=list(dict.fromkeys(data.departments)),
        people=list(dict.fromkeys(data.people)),
    )
