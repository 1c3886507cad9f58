"""GET /api/v1/search: ranked hits the caller may see, with escaped, marked snippets."""

from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


def test_search_returns_ranked_hits(org, api):
    collab = established(org)
    about = put(collab, "年度预算调整决议", "预算增加十万元。<b>注意</b>", kind="decision")
    put(collab, "周例会纪要", "其他事项。预算稍后讨论。", kind="minutes")
    response = api("alice", "get", "/search?q=预算")
    assert response.status_code == 200
    body = response.json()
    assert body["words"] == ["预算"]
    assert body["more"] is False
    first = body["results"][0]
    assert first["url"] == about.url
    assert first["kind"] == "decision"
    assert first["collaboration"] == collab.number
    assert "<mark>预算</mark>" in first["snippet_html"]
    assert "&lt;b&gt;" in first["snippet_html"]
    assert len(body["results"]) == 2


def test_filters_and_paging(org, api):
    collab = established(org)
    for i in range(3):
        put(collab, f"预算决议{i}", "预算", kind="decision")
    put(collab, "预算纪要", "预算", kind="minutes")
    assert len(api("alice", "get", "/search?q=预算&kind=minutes").json()["results"]) == 1
    page = api("alice", "get", f"/search?q=预算&collaboration={collab.number}&limit=2").json()
    assert len(page["results"]) == 2
    assert page["more"] is True
    rest = api("alice", "get", "/search?q=预算&limit=2&offset=2").json()
    assert len(rest["results"]) == 2
    assert rest["more"] is False


def test_confidential_content_is_hidden_from_outsiders(org, api):
    secret = established(org, name="并购评估", confidential=True)
    put(secret, "并购预算", "预算")
    assert api("oscar", "get", "/search?q=预算").json()["results"] == []
    assert len(api("alice", "get", "/search?q=预算").json()["results"]) == 1
    hidden = api("oscar", "get", f"/search?q=预算&collaboration={secret.number}")
    assert hidden.status_code == 404


def test_bad_input_is_a_400_not_a_500(org, api):
    assert api("alice", "get", "/search?q=预算&kind=gossip").status_code == 400
    assert api("alice", "get", "/search?q=预算&limit=0").status_code == 400
    assert api("alice", "get", "/search?q=预算&offset=-1").status_code == 400
    assert api("alice", "get", '/search?q="*OR(').status_code == 200
    assert api(None, "get", "/search?q=预算").status_code == 401
