"""The tasks API answers with the right status codes and calls the same services."""

from io import BytesIO

import pytest
from openpyxl import Workbook

from tests.tasks.helpers import Project, actor


@pytest.fixture
def call(org, proj, at):
    """Return `call(who, method, path, **kw)` with who's token; who may be leo, rob or cara."""
    from django.test import Client

    from concord.accounts import services as account_services

    tokens: dict[str, str] = {}

    def send(who, method, path, **kw):
        headers = {}
        if who is not None:
            if who not in tokens:
                user = actor(org, proj, who)
                tokens[who] = account_services.token_create(actor=user, user=user, name="t")[1]
            headers["Authorization"] = f"Bearer {tokens[who]}"
        if "json" in kw:
            kw["data"] = kw.pop("json")
            kw["content_type"] = "application/json"
        return getattr(Client(), method)(f"/api/v1{path}", headers=headers, **kw)

    clock = at("2026-07-02 10:00")
    clock.start()
    yield send
    clock.stop()


def _base(proj: Project) -> str:
    return f"/collaborations/{proj.collab.number}/tasks"


def _new(call, proj, org, who="leo", **kw):
    body = {
        "title": "接口开发",
        "owner": "rob",
        "department_id": org.rnd.pk,
        "due_on": "2026-07-15",
        **kw,
    }
    return call(who, "post", _base(proj), json=body)


def test_it_creates_lists_gets_and_updates(org, proj, call):
    made = _new(call, proj, org)
    assert made.status_code == 201, made.content
    assert made.json()["number"] == "T-001"
    listed = call("leo", "get", f"{_base(proj)}?order=-due_on&department={org.rnd.pk}")
    assert [t["number"] for t in listed.json()] == ["T-001"]
    assert call("rob", "get", f"{_base(proj)}/T-001").json()["owner"] == "rob"
    changed = call("leo", "patch", f"{_base(proj)}/T-001", json={"due_on": "2026-07-20"})
    assert changed.status_code == 200
    assert changed.json()["due_on"] == "2026-07-20"


def test_it_answers_4xx_for_bad_input_and_strangers(org, proj, call):
    assert _new(call, proj, org, owner="nobody").status_code == 400
    assert _new(call, proj, org, due_on="soon").status_code in (400, 422)
    assert _new(call, proj, org, who="oscar").status_code == 404
    assert _new(call, proj, org, who="mark").status_code == 403
    assert call(None, "get", _base(proj)).status_code == 401
    _new(call, proj, org)
    missing = call("leo", "get", f"{_base(proj)}/T-999")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    blocked = call("rob", "post", f"{_base(proj)}/T-001/move", json={"status": "blocked"})
    assert blocked.status_code == 400
    assert "blocked_reason" in blocked.json()["details"]
    assert (
        call("mark", "post", f"{_base(proj)}/T-001/move", json={"status": "done"}).status_code
        == 403
    )


def test_it_moves_reviews_and_records_progress(org, proj, call):
    _new(call, proj, org, needs_review=True)
    moved = call("rob", "post", f"{_base(proj)}/T-001/move", json={"status": "done"})
    assert moved.json()["review_state"] == "requested"
    assert (
        call("rob", "post", f"{_base(proj)}/T-001/review", json={"approve": True}).status_code
        == 403
    )
    reviewed = call("leo", "post", f"{_base(proj)}/T-001/review", json={"approve": True})
    assert reviewed.json()["status"] == "done"
    _new(call, proj, org, title="文档")
    posted = call(
        "rob",
        "post",
        f"{_base(proj)}/T-002/progress",
        json={"text": "完成一半", "percent_done": 50},
    )
    assert posted.status_code == 201
    assert call("rob", "get", f"{_base(proj)}/T-002/progress").json()[0]["text"] == "完成一半"
    work = call("rob", "get", "/my-work").json()
    assert [w["title"] for w in work if w["kind"] == "task"] == ["T-002 文档"]


def test_from_plan_export_and_import(org, proj, call):
    assert call("leo", "post", f"{_base(proj)}/from-plan").status_code == 409
    exported = call("leo", "get", f"{_base(proj)}/export")
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    book = Workbook()
    book.active.append(["任务", "负责人", "部门", "截止时间"])
    book.active.append(["联调", "rob", "rnd", "2026-07-22"])
    book.active.append(["测试", "ghost", "rnd", "2026-07-22"])
    data = BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "tasks.xlsx"
    bad = call("leo", "post", f"{_base(proj)}/import", data={"file": data, "dry_run": "true"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["row"] == 3
