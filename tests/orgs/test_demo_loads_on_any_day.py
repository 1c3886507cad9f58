"""The samples' dates count from today: the demo loads early on a Monday and on a holiday."""

import pytest
import time_machine
from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.lib import workcal
from concord.meetings.models import Meeting
from tests.orgs.demo_helpers import run_demo


@pytest.mark.parametrize(
    "moment",
    ["2026-07-06 08:00 +0800", "2026-10-03 15:00 +0800"],
    ids=["monday-before-work", "national-day-holiday"],
)
def test_the_demo_loads_whatever_the_day(db: None, moment: str) -> None:
    with time_machine.travel(moment, tick=False):
        run_demo()
        assert Collaboration.objects.count() == 4
        # Meetings already held (their minutes are published), on a working day.
        assert not Meeting.objects.exclude(status="published").exists()
        for meeting in Meeting.objects.all():
            assert meeting.starts_at < timezone.now()
            assert workcal.is_working_day(timezone.localtime(meeting.starts_at).date())
