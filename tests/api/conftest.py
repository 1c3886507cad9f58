from typing import Any

import pytest

from concord.accounts import services
from tests.personas import Org


@pytest.fixture
def alice_token(org: Org) -> str:
    _token, raw = services.token_create(actor=org.alice, user=org.alice, name="tests")
    return raw


def bearer(raw: str) -> dict[str, Any]:
    return {"Authorization": f"Bearer {raw}"}
