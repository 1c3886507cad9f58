"""The search page and the knowledge base home render in Chinese and in English."""

import pytest
from django.test import Client

from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


# The Chinese catalog is compiled at the end of the issue, so the Chinese
# run checks the page's language rather than a translated word.
@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "Knowledge base")]
)
def test_pages_render(org, language, marker):
    collab = established(org)
    entry = put(collab, "年度预算调整决议", "会议同意追加预算。", kind="decision")
    client = Client(headers={"accept-language": language})
    client.force_login(org.alice)
    client.cookies["django_language"] = language
    for url in [
        "/knowledge/",
        "/search/",
        "/search/?q=预算",
        "/search/?q=预算&kind=decision",
        f"/search/?q=预算&collaboration={collab.number}",
        "/search/?q=预算&page=2",
        "/search/?q=不存在的词",
        "/search/?q=预算&kind=nonsense&page=x",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert marker in response.content.decode(), url
    page = client.get("/search/?q=预算").content.decode()
    assert entry.url in page
    assert "<mark>预算</mark>" in page
    assert entry.url in client.get("/knowledge/").content.decode()


def test_a_hidden_collaboration_filter_is_not_found(org):
    secret = established(org, name="并购评估", confidential=True)
    client = Client()
    client.force_login(org.oscar)
    assert client.get(f"/search/?q=预算&collaboration={secret.number}").status_code == 404


def test_signing_in_is_required(org):
    response = Client().get("/search/?q=预算")
    assert response.status_code == 302


def test_the_collaboration_page_offers_a_scoped_search(org):
    collab = established(org)
    client = Client()
    client.force_login(org.alice)
    page = client.get(collab.get_absolute_url()).content.decode()
    assert 'data-testid="search-section"' in page
    assert f'name="collaboration" value="{collab.ref}"' in page
