"""Who may do what with the plan: the initiator (no lead named), a participating head, an
outsider and the PMO, through the services and through the API."""

from typing import Any

import pytest

from concord.accounts import services as account_services
from concord.lib.errors import DomainError
from concord.planning import services
from concord.planning.models import PlanVersion
from tests.personas import Org
from tests.planning.helpers import collaboration, ready_plan

# who → expected outcome of editing the draft: "ok", "forbidden" or "not_found" (cannot see it)
EDIT = {"alice": "ok", "pam": "ok", "rita": "forbidden", "mark": "forbidden", "oscar": "forbidden"}
READ_API = {"alice": 200, "pam": 200, "rita": 200, "mark": 200, "oscar": 404}
EDIT_API = {"alice": 201, "pam": 201, "rita": 403, "mark": 403, "oscar": 404}


@pytest.mark.parametrize(("who", "expected"), EDIT.items())
def test_drafting_and_editing_via_services(org: Org, who: str, expected: str) -> None:
    collab = collaboration(org)
    actor = getattr(org, who)
    calls = [
        lambda: services.plan_draft(actor=actor, collaboration=collab),
        lambda: services.plan_item_save(
            actor=actor, collaboration=collab, section="goals", data={"text": "x"}
        ),
        lambda: services.plan_submit_for_signoff(actor=actor, collaboration=collab),
    ]
    if expected != "ok":
        ready_plan(org, collab)
        for call in calls[1:]:
            with pytest.raises(DomainError) as refused:
                call()
            assert refused.value.code == expected
        return
    calls[0]()
    calls[1]()
    assert PlanVersion.objects.get().goals.filter(text="x").exists()


def test_a_named_lead_takes_over_from_the_initiator(org: Org) -> None:
    from concord.collaborations.team_services import team_set_lead

    collab = collaboration(org)
    team_set_lead(actor=org.pam, collaboration=collab, user=org.mark)
    services.plan_draft(actor=org.mark, collaboration=collab)
    with pytest.raises(DomainError) as refused:
        services.plan_item_save(
            actor=org.alice, collaboration=collab, section="goals", data={"text": "x"}
        )
    assert refused.value.code == "forbidden"


def _call(org: Org, who: str, method: str, path: str, **kw: Any) -> Any:
    from django.test import Client

    user = getattr(org, who)
    token = account_services.token_create(actor=user, user=user, name="t")[1]
    if "json" in kw:
        kw["data"] = kw.pop("json")
        kw["content_type"] = "application/json"
    return getattr(Client(), method)(
        f"/api/v1{path}", headers={"Authorization": f"Bearer {token}"}, **kw
    )


@pytest.mark.parametrize("who", EDIT_API)
def test_the_api_answers_each_persona(org: Org, who: str) -> None:
    collab = collaboration(org)
    base = f"/plans/{collab.number}"
    assert _call(org, who, "get", base).status_code == READ_API[who]
    created = _call(org, who, "post", f"{base}/draft")
    assert created.status_code == EDIT_API[who], created.content
    if created.status_code != 201:
        body = created.json()
        assert set(body) == {"code", "message", "details"}
        return
    row = _call(org, who, "post", f"{base}/draft/wbs", json={"title": "接口开发"})
    assert row.status_code == 201
    assert row.json()["wbs"][0]["code"] == "1"
    assert row.json()["raci"][0]["problems"]
    bad = _call(org, who, "post", f"{base}/draft/milestones", json={"name": "验收"})
    assert bad.status_code == 400
