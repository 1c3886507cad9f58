"""Calendar invitations (.ics, RFC 5545) of meetings, built with `icalendar`.

One VEVENT per meeting with a stable UID (`meeting-<id>@<host>`), the host
as ORGANIZER and every attendee as ATTENDEE, so a calendar client updates
the same event when the meeting moves and cancels it when it is cancelled.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Attendee, Meeting, Status

PRODID = "-//Concord//Meetings//EN"


def uid(meeting: Meeting) -> str:
    domain = settings.CONCORD_ICS_DOMAIN
    return f"meeting-{meeting.pk}@{domain}"


def _address(user: object, role: str | None = None) -> vCalAddress:
    email = getattr(user, "email", "") or f"{user.get_username()}@invalid"  # type: ignore[attr-defined]
    address = vCalAddress(f"mailto:{email}")
    person = getattr(user, "person", None)
    address.params["cn"] = vText(getattr(person, "name", "") or user.get_username())  # type: ignore[attr-defined]
    if role:
        address.params["role"] = vText(role)
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("TRUE")
    return address


def event_of(meeting: Meeting, url: str = "") -> Event:
    event = Event()
    event.add("uid", uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"{meeting.title} ({meeting.collaboration})")
    if meeting.place:
        event.add("location", meeting.place)
    agenda = [f"{i + 1}. {a.title} ({a.minutes}′)" for i, a in enumerate(meeting.agenda.all())]
    event.add("description", "\n".join(agenda + ([url] if url else [])))
    if url:
        event.add("url", url)
    event.add("sequence", meeting.sequence)
    cancelled = meeting.status == Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("organizer", _address(meeting.host))
    for row in meeting.attendees.all():
        role = "CHAIR" if row.user_id == meeting.host_id else "REQ-PARTICIPANT"
        event.add("attendee", _address(row.user, role), encode=False)
    return event


def calendar_of(meetings: Iterable[Meeting], url_of: object = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    items = list(meetings)
    # One query each for the agendas and the attendees, however many meetings (a feed).
    prefetch_related_objects(
        items,
        "agenda",
        Prefetch("attendees", queryset=Attendee.objects.select_related("user__person")),
    )
    cancelled = len(items) == 1 and items[0].status == Status.CANCELLED
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    for meeting in items:
        url = url_of(meeting) if callable(url_of) else ""
        cal.add_component(event_of(meeting, url))
    return bytes(cal.to_ical())
