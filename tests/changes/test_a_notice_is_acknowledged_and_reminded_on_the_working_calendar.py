"""An issued notice reaches every stakeholder, who acknowledge it; the rest are reminded
on the working calendar, once a working day, until all have acknowledged or the limit is hit."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from concord.changes import services
from concord.changes.models import ChangeAcknowledgement, NoticeState
from concord.notifications.models import Notification
from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.changes.helpers import established, issue
from tests.personas import Org

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(*args: int) -> time_machine.travel:
    return time_machine.travel(datetime(*args, tzinfo=SHANGHAI), tick=False)


def _reminded(user: object) -> int:
    return Notification.objects.filter(recipient=user, kind="changes.ack_reminder").count()


def test_it_sends_the_notice_to_every_stakeholder_but_its_author(org: Org) -> None:
    collab = established(org)
    notice = issue(org, collab)
    assert notice.state == NoticeState.ISSUED
    assert notice.number == "BG-01"
    recipients = set(
        ChangeAcknowledgement.objects.filter(notice=notice).values_list("user__username", flat=True)
    )
    assert recipients == {"mark", "rita"}
    told = set(
        Notification.objects.filter(kind="changes.notice_issued").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"mark", "rita"}
    assert issue(org, collab).number == "BG-02"


def test_it_reminds_after_the_national_day_holiday_not_during_it(org: Org) -> None:
    # Wednesday 2026-09-30: 1-7 October are holidays, so the 2nd working day is Friday 9 October.
    with _at(2026, 9, 30, 10, 0):
        collab = established(org)
        notice = issue(org, collab)
    with _at(2026, 10, 8, 17, 0):
        services.change_notice_acknowledge(actor=org.rita, notice=notice, comment="已知悉")
        sweep()
    assert _reminded(org.mark) == 0
    with _at(2026, 10, 9, 10, 1):
        sweep()
    assert _reminded(org.mark) == 1
    assert _reminded(org.rita) == 0
    # The next one waits a working day: Saturday 10 October is a make-up working day (调休).
    with _at(2026, 10, 10, 9, 0):
        sweep()
    assert _reminded(org.mark) == 1
    with _at(2026, 10, 10, 10, 1):
        sweep()
    assert _reminded(org.mark) == 2


def test_reminders_stop_at_the_configured_limit(org: Org, settings: object) -> None:
    settings.CONCORD_CHANGE_ACK_MAX_REMINDERS = 2  # type: ignore[attr-defined]
    with _at(2026, 11, 2, 10, 0):
        notice = issue(org, established(org))
    for day in (4, 5, 6, 9, 10):
        with _at(2026, 11, day, 11, 0):
            sweep()
    assert _reminded(org.mark) == 2
    notice.refresh_from_db()
    assert notice.reminders_sent == 2


def test_the_last_acknowledgement_cancels_the_reminder(org: Org) -> None:
    with _at(2026, 11, 2, 10, 0):
        notice = issue(org, established(org))
        services.change_notice_acknowledge(actor=org.mark, notice=notice)
        assert Timer.objects.filter(kind="changes.ack_remind", state="pending").count() == 1
        services.change_notice_acknowledge(actor=org.rita, notice=notice)
    assert Timer.objects.filter(kind="changes.ack_remind", state="pending").count() == 0
    with _at(2026, 11, 9, 10, 0):
        sweep()
    assert Notification.objects.filter(kind="changes.ack_reminder").count() == 0
