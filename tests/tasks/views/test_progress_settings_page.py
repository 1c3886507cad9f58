"""The lead switches the daily progress nudges and digest on the digest page."""

from typing import Any

from django.test import Client

from concord.tasks.models import TaskSettings
from tests.personas import Org
from tests.tasks.helpers import Project


def _client(user: Any, lang: str = "en") -> Client:
    client = Client(headers={"accept-language": lang})
    client.force_login(user)
    return client


def test_the_lead_sees_and_saves_the_settings(org: Org, proj: Project) -> None:
    url = f"/collaborations/{proj.collab.number}/progress/"
    client = _client(proj.leo)
    page = client.get(url).content.decode()
    assert 'data-testid="progress-settings"' in page
    response = client.post(f"{url}settings/", {"nudge": "off", "digest": ""})
    assert response.status_code == 302
    row = TaskSettings.objects.get(collaboration=proj.collab)
    assert row.nudge_enabled is False
    assert row.digest_enabled is False


def test_an_owner_sees_no_settings_and_cannot_post_them(org: Org, proj: Project) -> None:
    url = f"/collaborations/{proj.collab.number}/progress/"
    client = _client(proj.rob)
    assert 'data-testid="progress-settings"' not in client.get(url).content.decode()
    assert client.post(f"{url}settings/", {"nudge": "on", "digest": "on"}).status_code == 403
    assert not TaskSettings.objects.filter(collaboration=proj.collab).exists()


def test_a_bad_choice_is_refused_with_the_form(org: Org, proj: Project) -> None:
    url = f"/collaborations/{proj.collab.number}/progress/settings/"
    assert _client(proj.leo).post(url, {"nudge": "sometimes"}).status_code == 400


def test_the_settings_read_in_chinese(org: Org, proj: Project) -> None:
    page = _client(proj.leo, "zh-hans").get(f"/collaborations/{proj.collab.number}/progress/")
    assert page.status_code == 200
    assert 'lang="zh-hans"' in page.content.decode()
