from typing import Any

import pytest

from concord.accounts import services as account_services
from tests.personas import Org


@pytest.fixture
def api(org: Org) -> Any:
    """Return `call(who, method, path, **kw)` speaking to /api/v1 with who's token."""
    from django.test import Client

    tokens: dict[str, str] = {}

    def call(who: str | None, method: str, path: str, **kw: Any) -> Any:
        headers = dict(kw.pop("headers", {}))
        if who is not None:
            if who not in tokens:
                user = getattr(org, who)
                tokens[who] = account_services.token_create(actor=user, user=user, name="t")[1]
            headers["Authorization"] = f"Bearer {tokens[who]}"
        if "json" in kw:
            kw["data"] = kw.pop("json")
            kw["content_type"] = "application/json"
        return getattr(Client(), method)(f"/api/v1{path}", headers=headers, **kw)

    return call
