"""The organization pages' forms: POST only, through the services, PMO-only where it says."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.orgs.models import Delegation, Department, Person
from tests.orgs.xlsx import GOOD_DEPTS, GOOD_PEOPLE, workbook
from tests.personas import Org


def _posts(org: Org) -> dict[str, tuple[str, dict[str, Any]]]:
    return {
        "create department": ("/org/departments/new/", {"name": "新部门", "code": "new"}),
        "edit department": (
            f"/org/departments/{org.legal.pk}/edit/",
            {"name": "法律事务部", "parent": org.legal.parent_id, "is_active": "on"},
        ),
        "set head": (f"/org/departments/{org.legal.pk}/head/", {"head": org.oscar.pk}),
        "create person": (
            "/org/people/new/",
            {
                "username": "newbie",
                "name": "新人",
                "employee_no": "E-900",
                "department": org.legal.pk,
                "level": "staff",
                "language": "zh-hans",
            },
        ),
        "edit person": (
            f"/org/people/{org.oscar.person.pk}/edit/",
            {
                "name": "欧阳",
                "employee_no": "E-oscar",
                "department": org.legal.pk,
                "title": "律师",
                "level": "staff",
                "language": "zh-hans",
            },
        ),
        "deactivate person": (f"/org/people/{org.oscar.person.pk}/deactivate/", {}),
        "delegate for mark": (
            f"/org/people/{org.mark.person.pk}/delegations/",
            {"deputy": org.rita.pk, "starts_on": "2027-01-04", "ends_on": "2027-01-08"},
        ),
    }


ALLOWED = {
    "pam": {
        "create department",
        "edit department",
        "set head",
        "create person",
        "edit person",
        "deactivate person",
        "delegate for mark",
    },
    "mark": {"delegate for mark"},
    "alice": set(),
    "oscar": set(),
    None: set(),
}


def _state(org: Org) -> tuple[Any, ...]:
    legal = Department.objects.get(pk=org.legal.pk)
    oscar = Person.objects.select_related("user").get(pk=org.oscar.person.pk)
    return (
        Department.objects.count(),
        legal.name,
        legal.head_id,
        Person.objects.count(),
        oscar.title,
        oscar.user.is_active,
        Delegation.objects.count(),
    )


@pytest.mark.parametrize("who", ["pam", "mark", "alice", "oscar", None])
@pytest.mark.parametrize(
    "write",
    [
        "create department",
        "edit department",
        "set head",
        "create person",
        "edit person",
        "deactivate person",
        "delegate for mark",
    ],
)
def test_permission_matrix(org: Org, client: Client, who: str | None, write: str) -> None:
    if who is not None:
        client.force_login(getattr(org, who))
    path, data = _posts(org)[write]
    before = _state(org)
    response = client.post(path, data)
    if who is None:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert _state(org) == before
    elif write in ALLOWED[who]:
        assert response.status_code == 302
        assert _state(org) != before
    else:
        assert response.status_code == 403
        assert _state(org) == before


def test_writes_are_post_only(org: Org, client: Client) -> None:
    client.force_login(org.pam)
    assert client.get(f"/org/people/{org.oscar.person.pk}/deactivate/").status_code == 405


def test_a_refusal_shows_as_a_message(org: Org, client: Client) -> None:
    client.force_login(org.pam)
    response = client.post(
        f"/org/departments/{org.market.pk}/edit/",
        {"name": "市场部", "parent": org.market.parent_id},  # unchecked: deactivate
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "still has active members" in response.content.decode()
    assert Department.objects.get(pk=org.market.pk).is_active


def test_a_person_revokes_their_own_delegation_from_their_page(org: Org, client: Client) -> None:
    client.force_login(org.mark)
    client.post(
        f"/org/people/{org.mark.person.pk}/delegations/",
        {"deputy": org.rita.pk, "starts_on": "2027-01-04", "ends_on": "2027-01-08"},
    )
    delegation = Delegation.objects.get()
    client.force_login(org.alice)
    assert client.post(f"/org/delegations/{delegation.pk}/revoke/").status_code == 403
    client.force_login(org.mark)
    assert client.post(f"/org/delegations/{delegation.pk}/revoke/").status_code == 302
    delegation.refresh_from_db()
    assert delegation.revoked_at is not None


def test_the_import_page_previews_then_imports(org: Org, client: Client) -> None:
    client.force_login(org.pam)
    assert client.get("/org/import/").status_code == 200

    def upload(**extra: Any) -> Any:
        file = SimpleUploadedFile("org.xlsx", workbook(GOOD_DEPTS, GOOD_PEOPLE).read())
        return client.post("/org/import/", {"file": file, **extra}, HTTP_ACCEPT_LANGUAGE="en")

    response = upload(dry_run="on")
    assert response.status_code == 200
    assert "Dry run" in response.content.decode()
    assert not Department.objects.filter(code="ops").exists()
    response = upload()
    assert "Imported." in response.content.decode()
    assert Department.objects.filter(code="ops").exists()


def test_the_import_page_shows_the_row_report(org: Org, client: Client) -> None:
    client.force_login(org.pam)
    people = [*GOOD_PEOPLE, ["x", "某人", "E9", "", "nowhere", "", "", "", "", ""]]
    file = SimpleUploadedFile("org.xlsx", workbook(GOOD_DEPTS, people).read())
    response = client.post("/org/import/", {"file": file}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    html = response.content.decode()
    assert "1 error; nothing was changed." in html
    assert "department_code" in html
    junk = SimpleUploadedFile("org.xlsx", b"junk")
    assert client.post("/org/import/", {"file": junk}).status_code == 400


def test_only_the_pmo_reaches_the_import_and_its_template(org: Org, client: Client) -> None:
    client.force_login(org.alice)
    assert client.get("/org/import/").status_code == 403
    assert client.get("/org/import/template.xlsx").status_code == 403
    client.force_login(org.pam)
    response = client.get("/org/import/template.xlsx")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
