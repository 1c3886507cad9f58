"""The admin shows collaborations to superusers and offers no way to change them."""

from typing import Any

from django.contrib.auth import get_user_model

from tests.collaborations.helpers import submitted
from tests.personas import Org


def test_the_admin_lists_but_does_not_change(org: Org, client: Any) -> None:
    collab = submitted(org)
    root = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")
    client.force_login(root)
    listing = client.get("/admin/collaborations/collaboration/")
    assert listing.status_code == 200
    assert collab.number in listing.content.decode()
    assert client.get("/admin/collaborations/collaboration/add/").status_code == 403
    page = client.get(f"/admin/collaborations/collaboration/{collab.pk}/change/").content.decode()
    assert 'name="_save"' not in page
