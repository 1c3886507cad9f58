"""Asking for a hidden collaboration answers exactly like asking for a missing one."""

from typing import Any

import pytest

from tests.collaborations.helpers import submitted
from tests.personas import Org


@pytest.mark.parametrize("by", ["number", "id"])
def test_the_api_answers_alike(org: Org, api: Any, by: str) -> None:
    collab = submitted(org)
    hidden = collab.number if by == "number" else str(collab.pk)
    missing = "XQ-2026-9999" if by == "number" else str(collab.pk + 1000)
    a = api("oscar", "get", f"/collaborations/{hidden}")
    b = api("oscar", "get", f"/collaborations/{missing}")
    assert (a.status_code, a.json()) == (b.status_code, b.json()) == (404, b.json())
    assert api("alice", "get", f"/collaborations/{hidden}").status_code == 200


@pytest.mark.parametrize("by", ["number", "id"])
def test_the_pages_answer_alike(org: Org, client: Any, by: str) -> None:
    collab = submitted(org)
    hidden = collab.number if by == "number" else str(collab.pk)
    missing = "XQ-2026-9999" if by == "number" else str(collab.pk + 1000)
    client.force_login(org.oscar)
    a = client.get(f"/collaborations/{hidden}/")
    b = client.get(f"/collaborations/{missing}/")
    assert a.status_code == b.status_code == 404
    assert a.content == b.content
    for suffix in ("export.docx", "edit/"):
        assert client.get(f"/collaborations/{hidden}/{suffix}").status_code == 404
    assert client.post(f"/collaborations/{hidden}/withdraw/").status_code == 404


def test_the_export_of_a_hidden_one_is_404_too(org: Org, api: Any) -> None:
    collab = submitted(org)
    assert api("oscar", "get", f"/collaborations/{collab.number}/export.docx").status_code == 404
