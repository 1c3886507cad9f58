"""The issue log over the API: raise, list with filters, act, summary, errors as 4xx JSON."""

from typing import Any

import pytest

from concord.issues.models import Issue
from tests.personas import Org
from tests.tasks.helpers import Project


@pytest.fixture
def call(api: Any, proj: Project) -> Any:
    """`api` that also knows the project's people (leo, rob, cara)."""
    from django.test import Client

    from concord.accounts import services as account_services

    tokens: dict[str, str] = {}

    def go(who: str, method: str, path: str, **kw: Any) -> Any:
        user = getattr(proj, who, None)
        if user is None:
            return api(who, method, path, **kw)
        if who not in tokens:
            tokens[who] = account_services.token_create(actor=user, user=user, name="t")[1]
        if "json" in kw:
            kw["data"] = kw.pop("json")
            kw["content_type"] = "application/json"
        headers = {"Authorization": f"Bearer {tokens[who]}"}
        return getattr(Client(), method)(f"/api/v1{path}", headers=headers, **kw)

    return go


def test_raise_act_and_list(org: Org, proj: Project, call: Any, at: Any) -> None:
    base = f"/collaborations/{proj.collab.number}/issues"
    with at("2026-07-01 10:00"):
        r = call(
            "rob",
            "post",
            base,
            json={"title": "测试环境不可用", "owner": "rob", "department_ids": [org.rnd.pk]},
        )
        assert r.status_code == 201, r.content
        body = r.json()
        assert body["number"] == "WT-01"
        assert body["level"] == 1
        assert body["due_at"].startswith("2026-07-02T02:00")  # UTC
        assert body["periods"][0]["level"] == 1
        r = call("rob", "post", f"{base}/WT-01/updates", json={"body": "已申请扩容"})
        assert r.status_code == 201
        assert r.json()["status"] == "in_progress"
        r = call("rob", "post", f"{base}/WT-01/escalate", json={"reason": "无共识"})
        assert r.status_code == 200
        assert r.json()["level"] == 2
        assert r.json()["handler"] == "leo"
        r = call("leo", "get", "/issues?level=2&mine=true")
        assert [i["number"] for i in r.json()] == ["WT-01"]
        assert call("leo", "get", "/issues?level=1").json() == []
        r = call(
            "leo",
            "post",
            f"{base}/WT-01/meeting",
            json={"starts_at": "2026-07-02T10:00:00+08:00", "duration_minutes": 30},
        )
        assert r.status_code == 201, r.content
        assert r.json()["url"].endswith(f"/meetings/{r.json()['id']}/")
        r = call("leo", "get", f"{base}?department_id={org.rnd.pk}&status=escalated")
        assert [i["number"] for i in r.json()] == ["WT-01"]
        r = call("leo", "post", f"{base}/WT-01/resolve", json={"resolution": "已扩容"})
        assert r.json()["status"] == "resolved"
        r = call("rob", "post", f"{base}/WT-01/close", json={})
        assert r.json()["status"] == "closed"
        s = call("leo", "get", f"/collaborations/{proj.collab.number}/issues-summary").json()
        assert s["total"] == 1
        assert s["escalations"] == 1
        x = call("leo", "get", f"/collaborations/{proj.collab.number}/issues-export")
        assert x.status_code == 200
        assert x["Content-Type"].startswith("application/vnd.openxmlformats")


def test_errors_are_4xx_json(org: Org, proj: Project, call: Any) -> None:
    base = f"/collaborations/{proj.collab.number}/issues"
    r = call("rob", "post", base, json={"title": "", "owner": "rob"})
    assert r.status_code in (400, 422)
    assert "title" in r.json()["details"]
    r = call("rob", "post", base, json={"title": "x", "owner": "nobody"})
    assert r.status_code in (400, 422)
    assert r.json()["code"] == "invalid"
    r = call("oscar", "get", f"{base}/WT-01")
    assert r.status_code == 404
    call("rob", "post", base, json={"title": "x", "owner": "rob"})
    r = call("alice", "post", f"{base}/WT-01/resolve", json={"resolution": "x"})
    assert r.status_code == 403
    r = call("rob", "post", f"{base}/WT-01/deescalate", json={"reason": "x"})
    assert r.status_code in (403, 409)
    r = call("rob", "get", "/issues?status=bogus")
    assert r.status_code in (400, 422)
    assert Issue.objects.count() == 1
