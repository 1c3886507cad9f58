"""An escalated issue schedules a real escalation meeting with the issue on its agenda."""

from concord.issues import meetings as issue_meetings
from concord.issues import services as issue_services
from concord.meetings.models import Meeting
from tests.issues.helpers import fresh, raise_issue

from .helpers import local


def test_the_issue_log_schedules_an_escalation_meeting(org, proj, at):
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        issue_services.issue_escalate(actor=proj.rob, issue=issue, reason="一天内无法恢复")
        issue = fresh(issue)
        m = issue_meetings.escalation_meeting_schedule(
            actor=proj.rob,
            issue=issue,
            starts_at=local("2026-07-02 10:00"),
            duration_minutes=30,
            attendees=issue_meetings.default_attendees(issue),
        )
    assert m.kind == Meeting.Kind.ESCALATION
    assert m.source == issue
    items = list(m.agenda.all())
    assert len(items) == 1  # the issue once, not twice
    assert items[0].source == issue
    assert m.get_absolute_url().endswith(f"/meetings/{m.pk}/")
