"""Numbers are given at submit, per year, one after the other."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from concord.collaborations import numbering, services
from concord.collaborations.models import RequestSequence
from concord.lib.errors import DomainError
from tests.collaborations.helpers import draft, submitted
from tests.personas import Org

SHANGHAI = ZoneInfo("Asia/Shanghai")


@time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_it_numbers_submissions_in_order_and_drafts_burn_none(org: Org) -> None:
    first = submitted(org)
    draft(org, name="不提交的草稿")
    second = submitted(org, name="第二个")
    assert first.number == "XQ-2026-0001"
    assert second.number == "XQ-2026-0002"


@time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_a_failed_submit_gives_its_number_back(org: Org) -> None:
    broken = draft(org, background="")
    with pytest.raises(DomainError):
        services.request_submit(actor=org.alice, collaboration=broken)
    assert submitted(org).number == "XQ-2026-0001"


@time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI), tick=False)
def test_resubmitting_keeps_the_number(org: Org) -> None:
    from tests.collaborations.helpers import decide

    collab = submitted(org)
    decide(collab, org.mark, "return", "补充预算明细")
    collab.refresh_from_db()
    services.request_submit(actor=org.alice, collaboration=collab)
    collab.refresh_from_db()
    assert collab.number == "XQ-2026-0001"
    assert RequestSequence.objects.get(year=2026).last == 1


def test_the_year_rolls_over_on_the_local_calendar(org: Org) -> None:
    # 2026-12-31 23:30 in Shanghai is still 2026 there, though 15:30 UTC.
    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=SHANGHAI), tick=False):
        assert submitted(org).number == "XQ-2026-0001"
    with time_machine.travel(datetime(2027, 1, 1, 0, 5, tzinfo=SHANGHAI), tick=False):
        assert submitted(org, name="新年第一个").number == "XQ-2027-0001"


def test_the_format_pads_to_four_digits_and_grows_beyond() -> None:
    assert numbering.format_number(2026, 7) == "XQ-2026-0007"
    assert numbering.format_number(2026, 12345) == "XQ-2026-12345"
