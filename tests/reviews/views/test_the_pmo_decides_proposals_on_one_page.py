"""The PMO's proposal list: one clear message per decision, the source retrospective, phone-wide."""

from typing import Any

from django.test import Client

from concord.closing.reviews import services
from tests.personas import Org
from tests.tasks.helpers import Project


def _client(user: Any) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def _proposal(proj: Project) -> Any:
    retro = services.retrospective_start(actor=proj.leo, collaboration=proj.collab)
    return services.proposal_make(
        actor=proj.rob, retro=retro, text="跨部门流程修订需法务部预审", rationale="避免返工"
    )


def test_declining_without_a_note_says_why_once(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-20 10:00"):
        proposal = _proposal(proj)
        client = _client(org.pam)
        response = client.post(
            f"/proposals/{proposal.pk}/decide/", {"decision": "decline", "note": ""}, follow=True
        )
    page = response.content.decode()
    assert page.count("Say why the proposal is declined.") == 1
    assert "This field is required." not in page


def test_a_proposal_links_to_its_retrospective(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-20 10:00"):
        _proposal(proj)
        page = _client(org.pam).get("/proposals/").content.decode()
    link = f'href="/collaborations/{proj.collab.ref}/retrospective/project/"'
    assert link in page
    assert '<div class="table-responsive">' in page


def test_the_retrospective_form_fields_are_styled(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-20 10:00"):
        services.retrospective_start(actor=proj.leo, collaboration=proj.collab)
        page = _client(proj.leo).get(f"/collaborations/{proj.collab.ref}/retrospective/project/")
    text = page.content.decode()
    proposal_form = text.split("/proposal/")[1].split("</form>")[0]
    assert "<textarea" in proposal_form
    assert 'class="form-control form-control-sm"' in proposal_form
