"""GET /collaborations/{ref}/forms lists the forms with their download urls; each url downloads."""

from typing import Any

from tests.knowledge.forms_helpers import STANDARD, full
from tests.personas import Org


def test_the_list_gives_every_form_with_urls(org: Org, api: Any) -> None:
    p = full(org)
    response = api("alice", "get", f"/collaborations/{p.collab.number}/forms")
    assert response.status_code == 200
    forms = {f["key"]: f for f in response.json()}
    assert set(STANDARD) <= set(forms)
    request = forms["collaborations.request"]
    assert request["title_zh"] == "跨部门协作需求申请表"
    assert request["archive_doc"] == "request"
    assert request["has_content"] is True
    urls = {(d["format"], d["lang"]): d["url"] for d in request["downloads"]}
    assert urls[("pdf", "en")] == (
        f"/api/v1/collaborations/{p.collab.number}/forms/collaborations.request.pdf?lang=en"
    )


def test_a_download_through_the_api(org: Org, api: Any) -> None:
    p = full(org)
    response = api(
        "alice", "get", f"/collaborations/{p.collab.number}/forms/tasks.progress.xlsx?lang=en"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "Task-progress.xlsx" in response["Content-Disposition"]


def test_hidden_unknown_and_empty_answer_404_json(org: Org, api: Any) -> None:
    p = full(org)
    base = f"/collaborations/{p.collab.number}/forms"
    hidden = api("oscar", "get", base)
    assert hidden.status_code == 404
    assert hidden.json()["code"] == "not_found"
    assert api("oscar", "get", f"{base}/collaborations.request.docx").status_code == 404
    assert api("alice", "get", f"{base}/nope.docx").status_code == 404
    assert api("alice", "get", f"{base}/collaborations.request.xlsx").status_code == 404
