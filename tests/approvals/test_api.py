"""The approval API: what waits for me, a flow (to those involved), and deciding it."""

from typing import Any

import pytest

from concord.approvals.models import StepDecision, StepMode
from concord.approvals.services import flow_decide
from tests.approvals.conftest import chain_for, start, step
from tests.personas import Org


def test_waiting_lists_my_steps(org: Org, api: Any) -> None:
    flow = start(org, chain_for(org, importance="important"))
    body = api("mark", "get", "/approvals/waiting").json()
    assert [(w["flow_id"], w["step"], w["round"]) for w in body] == [(flow.pk, 1, 1)]
    assert body[0]["started_by"]["name"] == "艾丽"
    assert body[0]["on_behalf_of"] == []
    assert api("dora", "get", "/approvals/waiting").json() == []


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("alice", 200),  # the starter
        ("mark", 200),  # an approver
        ("dora", 200),  # a later approver
        ("pam", 200),  # the PMO
        ("rita", 404),
        ("victor", 404),
        ("oscar", 404),
    ],
)
def test_a_flow_is_visible_to_those_involved_only(
    org: Org, api: Any, persona: str, status: int
) -> None:
    flow = start(org, chain_for(org, importance="important"))
    response = api(persona, "get", f"/approvals/flows/{flow.pk}")
    assert response.status_code == status
    if status == 404:
        assert response.json()["code"] == "not_found"
        assert api(persona, "get", "/approvals/flows/999999").json() == response.json()


def test_the_flow_shows_steps_approvers_and_decisions(org: Org, api: Any) -> None:
    flow = start(org, chain_for(org, importance="important"))
    flow_decide(actor=org.mark, flow=flow, decision="approve", comment="同意")
    body = api("alice", "get", f"/approvals/flows/{flow.pk}").json()
    assert body["state"] == "pending"
    assert [s["state"] for s in body["steps"]] == ["approved", "active"]
    assert body["steps"][0]["decisions"][0]["decided_by"]["name"] == "马经理"
    assert body["steps"][0]["decisions"][0]["on_behalf"] is False
    assert body["steps"][1]["approvers"] == [{"id": org.dora.pk, "name": "杜总监"}]


def test_decide_answers_200_with_the_flow(org: Org, api: Any) -> None:
    flow = start(org, chain_for(org))
    response = api(
        "mark", "post", f"/approvals/flows/{flow.pk}/decide", json={"decision": "approve"}
    )
    assert response.status_code == 200
    assert response.json()["state"] == "approved"


def test_decide_answers_403_when_not_your_step(org: Org, api: Any) -> None:
    flow = start(org, chain_for(org, importance="important"))
    response = api(
        "dora", "post", f"/approvals/flows/{flow.pk}/decide", json={"decision": "approve"}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_decide_answers_404_to_an_outsider(org: Org, api: Any) -> None:
    flow = start(org, chain_for(org))
    response = api(
        "oscar", "post", f"/approvals/flows/{flow.pk}/decide", json={"decision": "approve"}
    )
    assert response.status_code == 404


def test_decide_answers_422_without_feedback(org: Org, api: Any) -> None:
    flow = start(org, chain_for(org))
    response = api(
        "mark", "post", f"/approvals/flows/{flow.pk}/decide", json={"decision": "reject"}
    )
    assert response.status_code == 422
    assert "comment" in response.json()["details"]
    assert not StepDecision.objects.exists()


def test_decide_answers_409_when_someone_decided_first(org: Org, api: Any) -> None:
    flow = start(org, [step(org.mark, org.rita, mode=StepMode.ANY)])
    flow_decide(actor=org.rita, flow=flow, decision="approve")
    response = api(
        "mark", "post", f"/approvals/flows/{flow.pk}/decide", json={"decision": "approve"}
    )
    assert response.status_code == 409
    assert "任经理" in response.json()["message"]


@pytest.mark.parametrize(
    "payload", [{}, {"decision": 3, "comment": []}, {"decision": "maybe"}, "not json"]
)
def test_bad_input_is_4xx_never_500(org: Org, api: Any, payload: Any) -> None:
    flow = start(org, chain_for(org))
    if isinstance(payload, str):
        response = api(
            "mark",
            "post",
            f"/approvals/flows/{flow.pk}/decide",
            data=payload,
            content_type="application/json",
        )
    else:
        response = api("mark", "post", f"/approvals/flows/{flow.pk}/decide", json=payload)
    assert 400 <= response.status_code < 500


def test_the_operations_are_in_the_openapi_document(org: Org, api: Any) -> None:
    paths = api("alice", "get", "/openapi.json").json()["paths"]
    assert "/api/v1/approvals/waiting" in paths
    assert "/api/v1/approvals/flows/{flow_id}/decide" in paths
