"""A notification kind and a caller service for the notification tests.

The kind's wording depends on the active language without a compiled
catalog, so a test can tell which language a text was rendered in.
"""

from typing import Any

from django.db import transaction
from django.utils.functional import lazy
from django.utils.translation import get_language

from concord.activity.services import event_record
from concord.notifications.kinds import register_kind
from concord.notifications.models import Notification
from concord.notifications.services import notify


def _bilingual(en: str, zh: str) -> Any:
    return lazy(lambda: zh if get_language() == "zh-hans" else en, str)()


PING = "tests.ping"
register_kind(
    PING,
    title=_bilingual("%(who)s pinged you", "%(who)s 提醒了你"),
    body=_bilingual("About the plan %(what)s.", "关于计划%(what)s。"),
)


@transaction.atomic
def ping(
    *, actor: Any, recipients: list[Any], subject: Any, what: str = "Q3", url: str = "/org/"
) -> list[Notification]:
    """Stand in for a domain service that announces its change."""
    event = event_record(actor=actor, verb="tests.pinged", subject=subject)
    who = actor.person.name if actor is not None else "Concord"
    return notify(
        recipients=recipients,
        kind=PING,
        subject=subject,
        params={"who": who, "what": what},
        url=url,
        actor=actor,
        event=event,
    )
