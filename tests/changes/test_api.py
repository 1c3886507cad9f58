"""The API over the same services: issue, read, acknowledge, withdraw, export; resource
requests with their approval; hidden is missing; bad input is a 4xx with the field."""

from typing import Any

from concord.approvals.models import Flow
from tests.changes.helpers import established
from tests.personas import Org

NOTICE = {
    "category": "plan",
    "title": "上线日期推迟两周",
    "what": "上线日期由9月1日调整为9月15日",
    "why": "研发测试发现关键缺陷",
    "impact_time": "推迟两周",
    "effective_on": "2026-12-01",
}
RESOURCE = {
    "kind": "budget",
    "description": "测试设备租赁",
    "amount": "80000.00",
    "justification": "新品性能测试需要额外设备",
    "period_from": "2026-10-01",
    "period_to": "2026-10-31",
}


def test_a_notice_through_the_api(org: Org, api: Any) -> None:
    collab = established(org)
    base = f"/collaborations/{collab.number}/change-notices"
    made = api("alice", "post", base, json={**NOTICE, "impact_department_ids": [org.rnd.pk]})
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["number"], body["state"]) == ("BG-01", "issued")
    assert body["impact_departments"] == ["研发部"]
    assert {a["username"] for a in body["acknowledgements"]} == {"mark", "rita"}
    acked = api("rita", "post", f"{base}/BG-01/acknowledge", json={"comment": "已知悉"})
    assert acked.status_code == 200
    assert [a["acknowledged_at"] is not None for a in acked.json()["acknowledgements"]] == [
        False,
        True,
    ]
    again = api("rita", "post", f"{base}/BG-01/acknowledge", json={})
    assert again.status_code == 409
    listed = api("mark", "get", base).json()
    assert [(n["number"], n["acknowledged"], n["recipients"]) for n in listed] == [("BG-01", 1, 2)]
    docx = api("mark", "get", f"{base}/BG-01/export.docx")
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert api("mark", "post", f"{base}/BG-01/withdraw", json={}).status_code == 403
    assert api("alice", "post", f"{base}/BG-01/withdraw", json={}).json()["state"] == "withdrawn"


def test_refusals_and_bad_input(org: Org, api: Any) -> None:
    collab = established(org)
    base = f"/collaborations/{collab.number}/change-notices"
    assert api("oscar", "get", base).status_code == 404
    assert api("oscar", "post", base, json=NOTICE).status_code == 404
    assert api("mark", "post", base, json=NOTICE).status_code == 403
    assert api(None, "get", base).status_code == 401
    bad = api("alice", "post", base, json={**NOTICE, "title": " "})
    assert bad.status_code == 400
    assert "title" in bad.json()["details"]
    assert api("alice", "post", base, json={**NOTICE, "category": "x"}).status_code == 422
    missing = api("alice", "post", base, json={**NOTICE, "impact_department_ids": [999999]})
    assert missing.status_code == 400
    assert api("alice", "get", f"{base}/BG-99").status_code == 404


def test_a_resource_request_through_the_api(org: Org, api: Any) -> None:
    collab = established(org)
    base = f"/collaborations/{collab.number}/resource-requests"
    made = api("alice", "post", base, json=RESOURCE)
    assert made.status_code == 201, made.content
    flow_id = made.json()["flow_id"]
    assert Flow.objects.get(pk=flow_id).purpose == "changes.resource"
    for who in ("mark", "dora"):
        decided = api(
            who, "post", f"/approvals/flows/{flow_id}/decide", json={"decision": "approve"}
        )
        assert decided.status_code == 200, decided.content
    approved = api("rita", "get", f"{base}?approved=true").json()
    assert [(r["number"], r["state"]) for r in approved] == [("ZY-01", "approved")]
    bad = api("alice", "post", base, json={**RESOURCE, "period_to": "2026-09-01"})
    assert bad.status_code == 400
    assert "period_to" in bad.json()["details"]
    assert api("oscar", "post", base, json=RESOURCE).status_code == 404
