"""The archive over the API: checklist, upload, waive, bundle progress and download, close."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from concord.timers.sweep import sweep

from .helpers import PROJECT_REQUIRED


def test_the_whole_flow_over_the_api(org, proj, forms, api):
    ref = proj.collab.number
    for doc_type in PROJECT_REQUIRED:
        if doc_type not in ("minutes", "issue_table"):
            forms.add(f"test.{doc_type}", doc_type)

    got = api("alice", "get", f"/collaborations/{ref}/archive")
    assert got.status_code == 200
    body = got.json()
    assert body["complete"] is False
    assert set(body["missing"]) == {"minutes", "issue_table"}
    assert body["can_close"] is True
    assert body["can_waive"] is False

    refused = api("alice", "post", f"/collaborations/{ref}/close", json={"note": ""})
    assert refused.status_code == 409
    assert "会议纪要" in refused.json()["message"]

    uploaded = api(
        "alice",
        "post",
        f"/collaborations/{ref}/archive/documents",
        data={"doc_type": "minutes", "file": SimpleUploadedFile("m.txt", b"minutes")},
    )
    assert uploaded.status_code == 201, uploaded.content
    assert uploaded.json()["name"].endswith("-会议纪要.txt")
    file = api("alice", "get", uploaded.json()["url"].removeprefix("/api/v1"))
    assert b"".join(file.streaming_content) == b"minutes"

    assert (
        api(
            "alice",
            "post",
            f"/collaborations/{ref}/archive/waivers",
            json={"doc_type": "issue_table", "reason": "x"},
        ).status_code
        == 403
    )
    waived = api(
        "pam",
        "post",
        f"/collaborations/{ref}/archive/waivers",
        json={"doc_type": "issue_table", "reason": "未产生问题"},
    )
    assert waived.status_code == 201
    bad = api(
        "pam",
        "post",
        f"/collaborations/{ref}/archive/waivers",
        json={"doc_type": "minutes", "reason": ""},
    )
    assert bad.status_code in (400, 409)

    closed = api("alice", "post", f"/collaborations/{ref}/close", json={"note": "结项"})
    assert closed.status_code == 200, closed.content
    assert closed.json()["state"] == "closed"
    bundle_id = closed.json()["bundle"]["id"]

    progress = api("alice", "get", f"/collaborations/{ref}/archive/bundles/{bundle_id}").json()
    assert progress["state"] == "queued"
    assert progress["url"] is None
    sweep()
    progress = api("alice", "get", f"/collaborations/{ref}/archive/bundles/{bundle_id}").json()
    assert progress["state"] == "ready"
    assert progress["percent"] == 100
    download = api("alice", "get", progress["url"].removeprefix("/api/v1"))
    assert download.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    assert "index.html" in names
    assert any(n.endswith("-会议纪要.txt") for n in names)


def test_hidden_collaborations_answer_404(org, proj, api):
    ref = proj.collab.number
    assert api("oscar", "get", f"/collaborations/{ref}/archive").status_code == 404
    assert api("oscar", "post", f"/collaborations/{ref}/close", json={}).status_code == 404
    assert api("oscar", "get", f"/collaborations/{ref}/archive/bundles").status_code == 404
