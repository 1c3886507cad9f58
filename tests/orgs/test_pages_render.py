"""The organization pages render in both languages, for employees, with PMO forms."""

from typing import Any

import pytest
from django.test import Client

from tests.personas import Org


def _pages(org: Org) -> list[str]:
    return [
        "/org/",
        f"/org/departments/{org.market.pk}/",
        f"/org/people/{org.alice.person.pk}/",
    ]


@pytest.mark.parametrize(("language", "word"), [("zh-hans", "组织"), ("en", "Organization")])
def test_pages_render_in_both_languages(org: Org, client: Client, language: str, word: str) -> None:
    client.force_login(org.alice)
    for path in _pages(org):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, path
        assert response["Content-Language"] == language
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert "市场部" in html


def test_the_chart_shows_departments_heads_and_counts(org: Org, client: Client) -> None:
    client.force_login(org.oscar)
    html = client.get("/org/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "市场部" in html
    assert "马经理" in html
    assert "2 members" in html
    assert f'href="/org/departments/{org.market.pk}/"' in html
    assert "<details" in html
    assert "New department" not in html


def test_the_department_page_lists_members_children_and_timeline(org: Org, client: Client) -> None:
    client.force_login(org.alice)
    top = org.market.parent
    assert top is not None
    html = client.get(f"/org/departments/{top.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "研发部" in html  # a sub-department
    assert "高总" in html  # the head
    assert "Timeline" in html
    html = client.get(
        f"/org/departments/{org.market.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "市场专员" in html  # alice's title
    assert "Edit department" not in html


def test_the_pmo_sees_the_edit_forms(org: Org, client: Client) -> None:
    client.force_login(org.pam)
    html = client.get(
        f"/org/departments/{org.market.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Edit department" in html
    assert "Set head" in html
    html = client.get(
        f"/org/people/{org.alice.person.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Edit profile" in html
    assert "Deactivate" in html
    assert "New department" in client.get("/org/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_person_sees_a_delegation_form_on_their_own_page_only(org: Org, client: Client) -> None:
    client.force_login(org.mark)
    own = client.get(f"/org/people/{org.mark.person.pk}/").content.decode()
    other = client.get(f"/org/people/{org.alice.person.pk}/").content.decode()
    assert 'data-testid="delegation-form"' in own
    assert 'data-testid="delegation-form"' not in other
    assert 'data-testid="person-edit"' not in own


def test_anonymous_is_sent_to_login_and_unknown_ids_are_404(org: Org, client: Client) -> None:
    response = client.get("/org/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(org.alice)
    assert client.get("/org/departments/999999/").status_code == 404
    assert client.get("/org/people/999999/").status_code == 404


def test_a_login_without_a_profile_may_not_see_the_org(org: Org, client: Client) -> None:
    from django.contrib.auth import get_user_model

    stranger: Any = get_user_model().objects.create_user("stranger", password="pw-stranger-1")
    client.force_login(stranger)
    assert client.get("/org/").status_code == 403
