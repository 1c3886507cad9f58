"""Each level's deadline in its unit: clock hours, working hours, working days.

2026: 10月1日–7日 are the National Day holidays, Saturday 10月10日 is a
调休 working day. Working hours are 09:00–18:00.
"""

from typing import Any

from django.utils import timezone

from concord.orgs import services as org_services
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import raise_issue


def local(when: Any) -> str:
    return timezone.localtime(when).strftime("%Y-%m-%d %H:%M")


def test_clock_hours_ignore_holidays(org: Org, proj: Project, at: Any) -> None:
    with at("2026-09-30 10:00"):
        issue = raise_issue(org, proj)  # level 1: 24 clock hours
    assert local(issue.due_at) == "2026-10-01 10:00"


def test_working_days_skip_the_holiday_and_count_the_adjusted_saturday(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-09-30 10:00"):
        issue = raise_issue(org, proj, level=3)  # 3 working days
    # 10月8日 (1), 10月9日 (2), Saturday 10月10日 调休 (3); same time of day.
    assert local(issue.due_at) == "2026-10-10 10:00"


def test_working_days_over_a_weekend(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-03 16:30"):  # a Friday
        issue = raise_issue(org, proj, level=3)
    assert local(issue.due_at) == "2026-07-08 16:30"


def test_working_hours_stop_at_the_end_of_the_day_and_resume_after_the_holiday(
    org: Org, proj: Project, at: Any, settings: Any
) -> None:
    settings.CONCORD_ESCALATION_DEFAULTS = ["8 working_hours", "48 clock_hours", "3 working_days"]
    with at("2026-09-30 15:00"):
        issue = raise_issue(org, proj)
    # 3 hours on 9月30日, then 5 from 10月8日 09:00.
    assert local(issue.due_at) == "2026-10-08 14:00"


def test_a_day_off_declared_by_the_pmo_moves_the_deadline(org: Org, proj: Project, at: Any) -> None:
    from datetime import date

    with at("2026-06-20 10:00"):
        org_services.calendar_override_set(actor=org.pam, day=date(2026, 7, 3), is_working=False)
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj, level=3)
    # 7月2日 (1), Friday 7月3日 is off, 7月6日 (2), 7月7日 (3).
    assert local(issue.due_at) == "2026-07-07 10:00"


def test_the_collaborations_own_escalation_path_wins(org: Org, proj: Project, at: Any) -> None:
    from concord.communication.models import CommPlan, EscalationLevel, HandlerRole, LimitUnit

    plan = CommPlan.objects.create(collaboration=proj.collab)
    for level, role, value, unit in (
        (1, HandlerRole.PARTIES, 4, LimitUnit.WORKING_HOURS),
        (2, HandlerRole.LEAD, 1, LimitUnit.WORKING_DAYS),
        (3, HandlerRole.SPONSOR, 2, LimitUnit.WORKING_DAYS),
    ):
        EscalationLevel.objects.create(
            plan=plan,
            level=level,
            role=role,
            limit_value=value,
            limit_unit=unit,
            handler=org.rita if level == 1 else None,
        )
    with at("2026-07-01 16:00"):
        issue = raise_issue(org, proj)
    assert local(issue.due_at) == "2026-07-02 11:00"
    assert issue.handler == org.rita  # a named level-1 handler
