"""待我审批: the steps waiting for me, with the decision form by htmx or a plain POST."""

from datetime import date

import time_machine
from django.test import Client

from concord.approvals.models import FlowState, StepDecision
from concord.orgs.services import delegation_create
from tests.approvals.conftest import chain_for, start
from tests.personas import Org


def test_it_lists_what_waits_for_me_and_nothing_else(org: Org, client: Client) -> None:
    start(org, chain_for(org), subject=org.market)
    start(org, chain_for(org), subject=org.rnd)
    client.force_login(org.mark)
    page = client.get("/approvals/")
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count('data-testid="waiting-row"') == 2
    assert "市场部" in body
    assert "研发部" in body
    client.force_login(org.dora)
    assert 'data-testid="waiting-empty"' in client.get("/approvals/").content.decode()


def test_it_speaks_english_and_chinese(org: Org, client: Client) -> None:
    client.force_login(org.mark)
    client.cookies["django_language"] = "en"
    assert "Waiting for my approval" in client.get("/approvals/").content.decode()


@time_machine.travel("2026-10-12 10:00 +08:00", tick=False)
def test_a_deputy_sees_for_whom_they_decide(org: Org, client: Client) -> None:
    delegation_create(
        actor=None,
        delegator=org.mark,
        deputy=org.rita,
        starts_on=date(2026, 10, 12),
        ends_on=date(2026, 10, 12),
    )
    start(org, chain_for(org))
    client.force_login(org.rita)
    body = client.get("/approvals/").content.decode()
    assert 'data-testid="on-behalf"' in body
    assert "马经理" in body


def test_an_htmx_decision_swaps_the_form_and_the_progress(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org, importance="important"))
    client.force_login(org.mark)
    response = client.post(
        f"/approvals/flows/{flow.pk}/decide/",
        {"decision": "approve", "comment": "同意"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="decide-done"' in body
    assert 'hx-swap-oob="true"' in body
    assert "<html" not in body
    assert StepDecision.objects.get().comment == "同意"


def test_missing_feedback_shows_on_the_comment_field(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org))
    client.force_login(org.mark)
    response = client.post(
        f"/approvals/flows/{flow.pk}/decide/", {"decision": "reject"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert not StepDecision.objects.exists()


def test_a_plain_post_redirects_back(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org))
    client.force_login(org.mark)
    response = client.post(
        f"/approvals/flows/{flow.pk}/decide/",
        {"decision": "return", "comment": "请补充", "next": "/approvals/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/approvals/"
    flow.refresh_from_db()
    assert flow.state == FlowState.RETURNED


def test_a_plain_post_never_redirects_off_site(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org))
    client.force_login(org.mark)
    response = client.post(
        f"/approvals/flows/{flow.pk}/decide/",
        {"decision": "approve", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/approvals/flows/{flow.pk}/"


def test_deciding_is_post_only_and_hidden_from_outsiders(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org))
    client.force_login(org.mark)
    assert client.get(f"/approvals/flows/{flow.pk}/decide/").status_code == 405
    client.force_login(org.oscar)
    assert client.get(f"/approvals/flows/{flow.pk}/").status_code == 404
    response = client.post(f"/approvals/flows/{flow.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 404
    assert not StepDecision.objects.exists()


def test_the_starter_sees_the_progress_but_no_form(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org))
    client.force_login(org.alice)
    body = client.get(f"/approvals/flows/{flow.pk}/").content.decode()
    assert 'data-testid="approval-progress"' in body
    assert 'data-testid="decide-form"' not in body
    client.force_login(org.mark)
    assert (
        'data-testid="decide-form"' in client.get(f"/approvals/flows/{flow.pk}/").content.decode()
    )


def test_a_conflict_is_explained_not_a_crash(org: Org, client: Client) -> None:
    from concord.approvals.models import StepMode
    from concord.approvals.services import flow_decide
    from tests.approvals.conftest import step

    flow = start(org, [step(org.mark, org.rita, mode=StepMode.ANY)])
    flow_decide(actor=org.rita, flow=flow, decision="approve")
    client.force_login(org.mark)
    response = client.post(
        f"/approvals/flows/{flow.pk}/decide/", {"decision": "approve"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="decide-error"' in body
    assert "任经理" in body
