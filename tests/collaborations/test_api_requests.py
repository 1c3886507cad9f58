"""A request from draft to submitted through the API, and bad input answered with 4xx."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.collaborations.helpers import submitted
from tests.personas import Org


def _full(org: Org) -> dict[str, Any]:
    return {
        "kind": "coordination",
        "name": "Q3新品上市推广跨部门协作",
        "importance": "important",
        "background": "新品计划9月上市",
        "goals": "8月20日前完成所有物料准备",
        "start_on": "2026-08-01",
        "end_on": "2026-09-30",
        "budget": "50000.00",
        "suggested": [{"department_id": org.rnd.pk, "people": [org.rita.person.pk]}],
        "key_dates": [{"label": "启动推广", "date": "2026-09-01"}],
        "core_problems": [
            {"description": "产品部提供最终版产品参数说明书", "due_on": "2026-08-10"}
        ],
        "prior_communication": "已与研发部电话沟通",
    }


def test_draft_submit_and_read_back(org: Org, api: Any) -> None:
    created = api("alice", "post", "/collaborations", json=_full(org))
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["request"]["core_problems"] == [
        {"description": "产品部提供最终版产品参数说明书", "due_on": "2026-08-10"}
    ]
    submitted_ = api("alice", "post", f"/collaborations/{body['id']}/submit")
    assert submitted_.status_code == 200, submitted_.content
    number = submitted_.json()["number"]
    assert number.startswith("XQ-")
    again = api("alice", "get", f"/collaborations/{number}")
    assert again.json()["state"] == "in_review"
    assert again.json()["id"] == body["id"]


def test_patch_changes_only_what_is_sent(org: Org, api: Any) -> None:
    body = api("alice", "post", "/collaborations", json=_full(org)).json()
    patched = api("alice", "patch", f"/collaborations/{body['id']}", json={"goals": "新目标"})
    assert patched.status_code == 200
    assert patched.json()["request"]["goals"] == "新目标"
    assert patched.json()["request"]["background"] == "新品计划9月上市"
    assert len(patched.json()["request"]["key_dates"]) == 1


def test_validation_errors_are_400_with_the_field(org: Org, api: Any) -> None:
    data = _full(org) | {"key_dates": [{"label": "上线", "date": "2027-01-01"}]}
    response = api("alice", "post", "/collaborations", json=data)
    assert response.status_code == 400
    assert "key_dates" in response.json()["details"]


def test_an_incomplete_submit_is_400_naming_each_field(org: Org, api: Any) -> None:
    body = api(
        "alice", "post", "/collaborations", json={"kind": "problem", "name": "数据延迟"}
    ).json()
    response = api("alice", "post", f"/collaborations/{body['id']}/submit")
    assert response.status_code == 400
    assert {"background", "goals", "phenomenon", "impact", "suggested"} <= set(
        response.json()["details"]
    )


def test_malformed_input_is_4xx_never_500(org: Org, api: Any) -> None:
    assert (
        api("alice", "post", "/collaborations", json={"kind": "bogus", "name": "x"}).status_code
        == 422
    )
    assert (
        api(
            "alice",
            "post",
            "/collaborations",
            json={"kind": "project", "name": "x", "budget": "-5"},
        ).status_code
        == 422
    )
    assert (
        api(
            "alice",
            "post",
            "/collaborations",
            json={"kind": "project", "name": "x", "suggested": [{"department_id": 999999}]},
        ).status_code
        == 400
    )
    assert api("alice", "get", "/collaborations?state=nope").status_code == 422
    assert api("alice", "get", "/collaborations/XQ-2026-99999999999999999999").status_code == 404
    assert api("alice", "get", "/collaborations/99999999999999999999999").status_code == 404
    assert api("alice", "get", "/collaborations/%E4%B8%AD").status_code == 404


def test_attachments_upload_list_download_remove(org: Org, api: Any) -> None:
    collab = submitted(org)
    upload = api(
        "alice",
        "post",
        f"/collaborations/{collab.number}/attachments",
        data={"file": SimpleUploadedFile("预算明细.txt", "一万元".encode())},
    )
    assert upload.status_code == 201, upload.content
    attachment_id = upload.json()["id"]
    listed = api("mark", "get", f"/collaborations/{collab.number}/attachments")
    assert [a["name"] for a in listed.json()] == ["预算明细.txt"]
    download = api("mark", "get", f"/collaborations/{collab.number}/attachments/{attachment_id}")
    assert b"".join(download.streaming_content).decode() == "一万元"
    assert (
        api(
            "oscar", "get", f"/collaborations/{collab.number}/attachments/{attachment_id}"
        ).status_code
        == 404
    )
    assert (
        api(
            "mark", "delete", f"/collaborations/{collab.number}/attachments/{attachment_id}"
        ).status_code
        == 403
    )
    assert (
        api(
            "alice", "delete", f"/collaborations/{collab.number}/attachments/{attachment_id}"
        ).status_code
        == 204
    )


def test_an_attachment_over_the_limit_is_refused(org: Org, api: Any, settings: Any) -> None:
    from concord.collaborations import services

    collab = submitted(org)
    big = SimpleUploadedFile("big.bin", b"x" * (services.MAX_ATTACHMENT_BYTES + 1))
    response = api(
        "alice", "post", f"/collaborations/{collab.number}/attachments", data={"file": big}
    )
    assert response.status_code == 400
    assert "file" in response.json()["details"]
