"""Escalating offers an escalation meeting; it is scheduled through the meetings app."""

from typing import Any

from django.test import Client

from concord.issues import services
from concord.issues.models import Issue
from concord.meetings.models import Meeting
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, meeting_for, raise_issue


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_form_presets_participants_and_schedules_a_meeting(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        page = client_for(proj.rob).get(issue.get_absolute_url()).content.decode()
        assert 'data-testid="meeting-offer"' not in page  # level 1: the parties settle it
        services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
        issue = fresh(issue)
        url = f"{issue.get_absolute_url()}meeting/"
        leo = client_for(proj.leo)
        form = leo.get(url).content.decode()
        assert f'value="{proj.leo.pk}" selected' in form or "selected" in form
        response = leo.post(
            url,
            {
                "starts_at": "2026-07-02T10:00",
                "duration_minutes": "45",
                "place": "3楼会议室",
                "attendees": [proj.leo.pk, proj.rob.pk, proj.cara.pk],
            },
        )
        assert response.status_code == 302
        meeting = Meeting.objects.get()
        assert meeting.kind == "escalation"
        assert meeting.source == issue
        page = leo.get(issue.get_absolute_url()).content.decode()
        assert 'data-testid="issue-meeting"' in page


def test_an_issue_raised_from_a_meeting_links_it(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        first = raise_issue(org, proj, level=2)
        meeting = meeting_for(proj, first)
        client = client_for(proj.rob)
        url = f"/collaborations/{proj.collab.number}/issues/new/?meeting={meeting.pk}"
        # The meeting's page offers it (提报问题), to whoever may raise an issue.
        page = client.get(meeting.get_absolute_url()).content.decode()
        assert f'href="{url}" data-testid="meeting-raise-issue"' in page
        assert client.get(url).status_code == 200
        response = client.post(
            url, {"title": "会上发现的新问题", "owner": proj.rob.pk, "level": "1"}
        )
        assert response.status_code == 302
    assert Issue.objects.get(title="会上发现的新问题").source == meeting


def test_over_the_api_an_issue_is_raised_from_a_meeting_and_lists_its_meetings(
    org: Org, proj: Project, at: Any, api: Any
) -> None:
    base = f"/collaborations/{proj.collab.number}/issues"
    with at("2026-07-01 10:00"):
        first = raise_issue(org, proj, level=2, who="alice")
        meeting = meeting_for(proj, first)
        r = api("alice", "get", f"{base}/{first.number}")
        assert [m["id"] for m in r.json()["meetings"]] == [meeting.pk]
        r = api(
            "alice", "post", base, json={"title": "会上发现", "owner": "rob", "meeting": meeting.pk}
        )
        assert r.status_code == 201, r.content
        assert r.json()["source"] == str(meeting)
        r = api(
            "alice", "post", base, json={"title": "x", "owner": "rob", "meeting": meeting.pk + 99}
        )
        assert r.status_code == 400
        assert "meeting" in r.json()["details"]


def test_the_handler_decides_so_the_meeting_asks_for_no_decision_maker(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        services.issue_escalate(actor=proj.rob, issue=issue, reason="无共识")
        issue = fresh(issue)
        meeting = meeting_for(proj, issue)
        assert meeting.decision_maker_id == issue.handler_id == proj.leo.pk
        leo = client_for(proj.leo)
        page = leo.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Minutes" in page  # read in English
        assert "decision maker among its attendees" not in page
