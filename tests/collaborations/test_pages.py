"""The pages: kind first, the kind's section, saving, the detail, htmx contact naming."""

from typing import Any

from concord.collaborations.models import Collaboration
from tests.collaborations.helpers import draft, established, submitted
from tests.personas import Org


def _post_form(org: Org, **extra: Any) -> dict[str, Any]:
    data = {
        "name": "渠道拓展",
        "importance": "normal",
        "background": "背景",
        "goals": "目标",
        "start_on": "2026-08-01",
        "end_on": "2026-12-31",
        "budget": "1000",
        "suggested-TOTAL_FORMS": "1",
        "suggested-INITIAL_FORMS": "0",
        "suggested-0-department": str(org.rnd.pk),
        "key_dates-TOTAL_FORMS": "1",
        "key_dates-INITIAL_FORMS": "0",
        "key_dates-0-text": "上线",
        "key_dates-0-on": "2026-09-01",
        "core_problems-TOTAL_FORMS": "0",
        "core_problems-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def test_new_asks_for_the_kind_first(org: Org, client: Any) -> None:
    client.force_login(org.alice)
    page = client.get("/collaborations/new/").content.decode()
    assert 'href="?kind=problem"' in page
    problem = client.get("/collaborations/new/?kind=problem").content.decode()
    assert 'data-testid="section-problem"' in problem
    assert 'data-testid="section-coordination"' not in problem
    coordination = client.get("/collaborations/new/?kind=coordination").content.decode()
    assert 'data-testid="section-coordination"' in coordination


def test_the_form_saves_a_draft_and_the_detail_shows_it(org: Org, client: Any) -> None:
    client.force_login(org.alice)
    response = client.post("/collaborations/new/?kind=project", _post_form(org))
    collab = Collaboration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/collaborations/{collab.pk}/"
    assert collab.suggested_departments.get().department == org.rnd
    detail = client.get(response["Location"]).content.decode()
    assert "渠道拓展" in detail
    assert 'data-testid="submit"' in detail


def test_the_form_shows_the_services_messages_beside_their_fields(org: Org, client: Any) -> None:
    client.force_login(org.alice)
    response = client.post(
        "/collaborations/new/?kind=project",
        _post_form(org, **{"key_dates-0-on": "2027-02-01"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Key date “上线” is after the proposed end date." in response.content.decode()
    assert not Collaboration.objects.exists()


def test_submitting_from_the_page(org: Org, client: Any) -> None:
    collab = draft(org)
    client.force_login(org.alice)
    response = client.post(f"/collaborations/{collab.pk}/submit/")
    collab.refresh_from_db()
    assert response.status_code == 302
    assert collab.state == "in_review"
    assert response["Location"] == f"/collaborations/{collab.number}/"


def test_the_approver_sees_the_decide_form(org: Org, client: Any) -> None:
    collab = submitted(org)
    client.force_login(org.mark)
    page = client.get(collab.get_absolute_url()).content.decode()
    assert 'data-testid="decide-form"' in page
    assert 'data-testid="approval-progress"' in page
    client.force_login(org.alice)
    assert 'data-testid="decide-form"' not in client.get(collab.get_absolute_url()).content.decode()


def test_the_head_names_a_contact_through_htmx(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.rita)
    page = client.get(collab.get_absolute_url()).content.decode()
    assert 'data-testid="nominate-form"' in page
    response = client.post(
        f"/collaborations/{collab.number}/departments/{org.rnd.pk}/contact/",
        {"person": org.rita.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "任经理" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_state_changes_are_post_only(org: Org, client: Any) -> None:
    collab = submitted(org)
    client.force_login(org.alice)
    assert client.get(f"/collaborations/{collab.number}/withdraw/").status_code == 405
