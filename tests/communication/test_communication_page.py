"""The communication page: propose, edit a row through htmx, confirm, constant queries."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.communication import services
from concord.communication.inputs import ItemInput
from concord.communication.models import CommItem
from tests.collaborations.helpers import established
from tests.personas import Org

HX = {"HX-Request": "true"}


def _url(collab: Any, suffix: str = "") -> str:
    return f"/collaborations/{collab.number}/communication/{suffix}"


def test_the_initiator_proposes_and_edits_a_row(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.alice)
    assert b'data-testid="comm-create"' in client.get(_url(collab)).content
    response = client.post(_url(collab, "create/"), {"size": "small"}, headers=HX)
    assert b'data-testid="comm-items"' in response.content
    item = CommItem.objects.filter(plan__collaboration=collab).first()
    assert item is not None
    form = client.get(_url(collab, f"items/{item.pk}/"), headers=HX)
    assert b'data-testid="comm-item-form"' in form.content
    prefix = f"item{item.pk}"
    response = client.post(
        _url(collab, f"items/{item.pk}/"),
        {
            f"{prefix}-topic": "晨会",
            f"{prefix}-channel": "meeting",
            f"{prefix}-rrule": "FREQ=DAILY",
        },
        headers=HX,
    )
    assert "晨会" in response.content.decode()
    bad = client.post(
        _url(collab, f"items/{item.pk}/"),
        {f"{prefix}-topic": "晨会", f"{prefix}-channel": "meeting", f"{prefix}-rrule": "daily"},
        headers=HX,
    )
    assert b'data-testid="comm-error"' in bad.content


def test_a_contact_confirms_but_cannot_edit(org: Org, client: Any) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    client.force_login(org.rita)
    page = client.get(_url(collab))
    assert b'data-testid="comm-item-add"' not in page.content
    assert b'data-testid="comm-confirm"' in page.content
    client.post(_url(collab, f"confirm/{org.rnd.pk}/"), headers=HX)
    refused = client.post(
        _url(collab, "items/"), {"new-topic": "x", "new-channel": "email"}, headers=HX
    )
    assert b'data-testid="comm-error"' in refused.content
    assert not CommItem.objects.filter(topic="x").exists()


def test_the_collaboration_page_shows_the_section(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.mark)
    assert b'data-testid="communication-section"' in client.get(collab.get_absolute_url()).content


def test_an_outsider_gets_404(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.oscar)
    assert client.get(_url(collab)).status_code == 404


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _add(org: Org, collab: Any, n: int) -> None:
    for i in range(n):
        services.comm_item_add(
            actor=org.alice,
            collaboration=collab,
            data=ItemInput(
                topic=f"事项{i}",
                channel="meeting",
                owner=org.mark,
                departments=[org.market, org.rnd],
                people=[org.rita],
            ),
        )


def test_the_page_query_count_does_not_grow_with_the_rows(org: Org, client: Any) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.alice, collaboration=collab)
    _add(org, collab, 1)  # so that every kind of related row exists at both sizes
    client.force_login(org.alice)
    client.get(_url(collab))
    small = _count(client, _url(collab))
    small_section = _count(client, collab.get_absolute_url())
    _add(org, collab, 10)
    assert _count(client, _url(collab)) == small
    assert _count(client, collab.get_absolute_url()) == small_section
