"""The one who manages the plan sees who has not acknowledged, with the working days overdue;
other stakeholders do not see that list."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client

from concord.changes import selectors, services
from tests.changes.helpers import established, issue
from tests.personas import Org

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_it_lists_the_missing_with_days_overdue(org: Org) -> None:
    with time_machine.travel(datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI), tick=False):
        notice = issue(org, established(org))
        services.change_notice_acknowledge(actor=org.rita, notice=notice)
        assert [(p.user.username, p.days_overdue) for p in selectors.who_has_not(notice)] == [
            ("mark", 0)
        ]
    # Due Wednesday 4 November; Monday 9 November is 3 working days later.
    with time_machine.travel(datetime(2026, 11, 9, 12, 0, tzinfo=SHANGHAI), tick=False):
        assert [(p.user.username, p.days_overdue) for p in selectors.who_has_not(notice)] == [
            ("mark", 3)
        ]
        alice, rita = Client(), Client()
        alice.force_login(org.alice)
        rita.force_login(org.rita)
        url = notice.get_absolute_url()
        page = alice.get(url).content.decode()
        assert 'data-testid="who-has-not"' in page
        assert "马经理" in page
        assert 'data-testid="who-has-not"' not in rita.get(url).content.decode()
