"""The forms page renders in Chinese (the default) and in English, with the titles in that
language, and the collaboration page shows the forms section in both."""

import pytest

from tests.knowledge.forms_helpers import full, get
from tests.personas import Org


@pytest.mark.parametrize(
    ("language", "title", "marker"),
    [
        ("zh-hans", "跨部门协作需求申请表", 'lang="zh-hans"'),
        ("en", "Collaboration request form", "Standard forms"),
    ],
)
def test_it_renders(org: Org, language: str, title: str, marker: str) -> None:
    p = full(org)
    for url in (f"/collaborations/{p.collab.number}/forms/", p.collab.get_absolute_url()):
        response = get(p.leo, url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        assert marker in response.content.decode(), url
    page = get(p.leo, f"/collaborations/{p.collab.number}/forms/", HTTP_ACCEPT_LANGUAGE=language)
    assert title in page.content.decode()
