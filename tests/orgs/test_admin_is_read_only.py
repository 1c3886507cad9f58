"""The Django admin shows the organization but never writes it (the services do)."""

from django.contrib.auth import get_user_model
from django.test import Client

from tests.personas import Org


def test_the_admin_lists_but_cannot_change(org: Org, client: Client) -> None:
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")
    client.force_login(admin)
    assert client.get("/admin/orgs/department/").status_code == 200
    assert client.get("/admin/orgs/person/").status_code == 200
    assert client.get("/admin/orgs/department/add/").status_code == 403
    response = client.post(f"/admin/orgs/department/{org.legal.pk}/change/", {"name": "x"})
    assert response.status_code == 403
    assert client.get(f"/admin/orgs/person/{org.alice.person.pk}/delete/").status_code == 403
