"""The team panel on the collaboration page: htmx forms, refusals shown, constant queries."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.collaborations import services
from concord.collaborations.models import Role, TeamMember
from tests.collaborations.helpers import established
from tests.personas import Org
from tests.team.helpers import employee

HX = {"HX-Request": "true"}


def test_the_initiator_names_the_lead_through_htmx(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.alice)
    page = client.get(collab.get_absolute_url())
    assert b'data-testid="lead-form"' in page.content
    response = client.post(
        f"/collaborations/{collab.number}/team/lead/", {"lead-user": org.rita.pk}, headers=HX
    )
    assert response.status_code == 200
    assert "任经理" in response.content.decode()
    assert TeamMember.objects.get(collaboration=collab, role=Role.LEAD).user == org.rita


def test_a_head_sees_no_lead_form_and_a_forged_post_is_refused(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.mark)
    page = client.get(collab.get_absolute_url())
    assert b'data-testid="lead-form"' not in page.content
    response = client.post(
        f"/collaborations/{collab.number}/team/lead/", {"lead-user": org.mark.pk}, headers=HX
    )
    assert response.status_code == 200
    assert b'data-testid="nominate-error"' in response.content
    assert not TeamMember.objects.filter(collaboration=collab, role=Role.LEAD).exists()


def test_a_head_adds_a_member_of_their_department(org: Org, client: Any) -> None:
    collab = established(org)
    eric = employee(org.rnd, "eric", "易工")
    client.force_login(org.rita)
    response = client.post(
        f"/collaborations/{collab.number}/team/members/", {"member-user": eric.pk}, headers=HX
    )
    assert "易工" in response.content.decode()
    assert TeamMember.objects.filter(collaboration=collab, user=eric, role=Role.MEMBER).exists()


def test_adding_a_department_and_making_it_lead(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.pam)
    client.post(
        f"/collaborations/{collab.number}/team/departments/", {"dept-department": org.legal.pk}
    )
    response = client.post(f"/collaborations/{collab.number}/team/departments/{org.legal.pk}/lead/")
    assert response.status_code == 302
    assert collab.departments.get(is_lead=True).department == org.legal


def test_changes_are_post_only(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.alice)
    assert client.get(f"/collaborations/{collab.number}/team/lead/").status_code == 405


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_page_query_count_does_not_grow_with_the_team(org: Org, client: Any) -> None:
    collab = established(org)
    client.force_login(org.alice)
    url = collab.get_absolute_url()
    for i in range(2):
        services.member_add(actor=org.alice, collaboration=collab, user=employee(org.rnd, f"s{i}"))
    client.get(url)
    small = _count(client, url)
    for i in range(10):
        services.member_add(actor=org.alice, collaboration=collab, user=employee(org.rnd, f"l{i}"))
    large = _count(client, url)
    assert large == small
