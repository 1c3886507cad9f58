"""The pages: a new notice from the form, acknowledging through htmx, the resource form,
and the section on the collaboration page."""

from django.test import Client

from concord.changes.models import ChangeAcknowledgement, ResourceRequest
from tests.changes.helpers import established, issue
from tests.personas import Org


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_notice_from_the_form(org: Org) -> None:
    collab = established(org)
    client = _client(org.alice)
    url = f"{collab.get_absolute_url()}changes/new/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"category": "plan", "title": ""})
    assert bad.status_code == 200
    assert 'data-testid="field-error"' in bad.content.decode()
    done = client.post(
        url,
        {
            "category": "requirement",
            "title": "增加线上渠道",
            "what": "推广渠道增加线上直播",
            "why": "市场反馈",
            "effective_on": "2026-12-01",
            "impact_departments": [org.rnd.pk],
        },
    )
    assert done.status_code == 302
    assert done["Location"].endswith("/changes/BG-01/")
    assert _client(org.mark).get(url).status_code == 302  # not allowed: back to the list


def test_acknowledging_through_htmx(org: Org) -> None:
    notice = issue(org, established(org))
    client = _client(org.rita)
    page = client.get(notice.get_absolute_url()).content.decode()
    assert 'data-testid="ack-form"' in page
    assert 'data-testid="notice-document"' in page
    response = client.post(
        f"{notice.get_absolute_url()}acknowledge/", {"comment": "收到"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'data-testid="acknowledged"' in response.content.decode()
    assert ChangeAcknowledgement.objects.get(notice=notice, user=org.rita).comment == "收到"
    assert client.get(f"{notice.get_absolute_url()}acknowledge/").status_code == 405


def test_the_section_shows_what_awaits_me(org: Org) -> None:
    collab = established(org)
    issue(org, collab)
    page = _client(org.rita).get(collab.get_absolute_url()).content.decode()
    assert 'data-testid="changes-section"' in page
    assert 'data-testid="awaiting-ack"' in page


def test_a_resource_request_from_the_form(org: Org) -> None:
    collab = established(org)
    client = _client(org.alice)
    url = f"{collab.get_absolute_url()}changes/resources/new/"
    assert client.get(url).status_code == 200
    done = client.post(
        url,
        {
            "kind": "people",
            "description": "测试工程师",
            "quantity": "2",
            "justification": "性能测试",
            "period_from": "2026-10-01",
            "period_to": "2026-10-31",
        },
    )
    assert done.status_code == 302
    req = ResourceRequest.objects.get()
    assert req.state == "in_review"
    detail = _client(org.mark).get(req.get_absolute_url()).content.decode()
    assert 'data-testid="decide-form"' in detail
