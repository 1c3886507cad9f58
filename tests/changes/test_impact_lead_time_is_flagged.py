"""A change taking effect sooner than the impact assessment lead time (working days) is
flagged on the notice page and in the API, but still issued."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client

from concord.changes import selectors
from tests.changes.helpers import established, issue
from tests.personas import Org

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_it_flags_a_change_inside_the_lead_time(org: Org) -> None:
    # Friday 2026-11-20; three working days later is Wednesday 25 November.
    with time_machine.travel(datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI), tick=False):
        collab = established(org)
        soon = issue(org, collab, effective_on=date(2026, 11, 24))
        fine = issue(org, collab, effective_on=date(2026, 11, 25))
        assert selectors.lead_time_short(soon) == date(2026, 11, 25)
        assert selectors.lead_time_short(fine) is None
        client = Client()
        client.force_login(org.alice)
        assert (
            'data-testid="lead-time-warning"'
            in client.get(soon.get_absolute_url()).content.decode()
        )
        assert (
            'data-testid="lead-time-warning"'
            not in client.get(fine.get_absolute_url()).content.decode()
        )


def test_the_lead_time_is_configurable(org: Org, settings: object) -> None:
    settings.CONCORD_CHANGE_IMPACT_LEAD_DAYS = 1  # type: ignore[attr-defined]
    with time_machine.travel(datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI), tick=False):
        notice = issue(org, established(org), effective_on=date(2026, 11, 23))
        assert selectors.lead_time_short(notice) is None
