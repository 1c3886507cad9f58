"""Every meeting page renders for a member, in Chinese (the default) and in English."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from concord.meetings import services
from tests.meetings.helpers import meeting
from tests.personas import Org
from tests.tasks.helpers import Project


def _pages(p: Project, pk: int) -> list[str]:
    ref = p.collab.number
    one = f"/collaborations/{ref}/meetings/{pk}/"
    return [
        f"/collaborations/{ref}/meetings/",
        f"/collaborations/{ref}/meetings/new/",
        f"/collaborations/{ref}/meetings/new/?kind=kickoff",
        f"/collaborations/{ref}/decisions/",
        f"/collaborations/{ref}/decisions/?q=预算",
        one,
        f"{one}edit/",
        f"{one}invitation.ics",
        f"{one}minutes.docx",
        f"{one}minutes.pdf",
        f"/collaborations/{ref}/",
        "/meetings/",
    ]


@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "Action items")]
)
def test_it_renders_every_page(
    org: Org, proj: Project, at: Any, language: str, marker: str
) -> None:
    with at("2026-07-01 10:00"):
        m = meeting(proj)
    with at("2026-07-03 15:30"):
        services.decision_add(actor=proj.cara, meeting=m, text="预算由市场部承担")
        services.action_add(
            actor=proj.cara,
            meeting=m,
            description="出海报",
            owner=proj.rob,
            due_on=date(2026, 7, 10),
            deliverable="海报",
        )
        services.minutes_publish(actor=proj.cara, meeting=m)
        client = Client(headers={"accept-language": language})
        client.force_login(proj.leo)
        client.cookies["django_language"] = language
        for url in _pages(proj, m.pk):
            response = client.get(url)
            assert response.status_code == 200, url
        page = client.get(m.get_absolute_url()).content.decode()
        assert marker in page
        assert "出海报" in page


def test_a_hidden_meeting_is_missing(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        client = Client()
        client.force_login(org.oscar)
        assert client.get(m.get_absolute_url()).status_code == 404
        client.force_login(proj.leo)
        assert (
            client.get(f"/collaborations/{proj.collab.number}/meetings/99999/").status_code == 404
        )
