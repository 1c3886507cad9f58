"""The communication plan over the API, with the same rules as the services."""

from typing import Any

import pytest

from tests.collaborations.helpers import established
from tests.personas import Org


@pytest.mark.parametrize(
    ("who", "status"), [("alice", 201), ("pam", 201), ("mark", 403), ("oscar", 404)]
)
def test_proposing_the_plan(org: Org, api: Any, who: str, status: int) -> None:
    collab = established(org)
    response = api(who, "post", f"/collaborations/{collab.number}/communication", json={})
    assert response.status_code == status, response.content
    if status == 201:
        body = response.json()
        assert body["size"] == "medium"  # the request estimates 6 people
        assert [lv["level"] for lv in body["escalation_path"]] == [1, 2, 3]
        assert body["all_confirmed"] is False


def test_rows_levels_confirmation_and_exports(org: Org, api: Any) -> None:
    collab = established(org)
    base = f"/collaborations/{collab.number}/communication"
    assert api("alice", "get", base).status_code == 404
    api("alice", "post", base, json={"size": "small"})
    row = api(
        "alice",
        "post",
        f"{base}/items",
        json={
            "topic": "需求评审",
            "channel": "meeting",
            "frequency": "项目启动后第2天",
            "owner_id": org.alice.person.pk,
            "output": "《需求确认单》",
            "department_ids": [org.market.pk, org.rnd.pk],
        },
    )
    assert row.status_code == 201, row.content
    bad = api(
        "alice",
        "put",
        f"{base}/items/{row.json()['id']}",
        json={"topic": "需求评审", "channel": "meeting", "rrule": "FREQ=NEVER"},
    )
    assert bad.status_code == 400
    assert "rrule" in bad.json()["details"]
    level = api(
        "alice",
        "put",
        f"{base}/levels/3",
        json={"handler_id": org.grace.person.pk, "limit_value": 2, "limit_unit": "working_days"},
    )
    assert level.status_code == 200
    assert level.json()["escalation_path"][2]["handlers"][0]["name"] == "高总"
    assert (
        api(
            "oscar", "post", f"{base}/confirmations", json={"department_id": org.rnd.pk}
        ).status_code
        == 404
    )
    assert (
        api("mark", "post", f"{base}/confirmations", json={"department_id": org.rnd.pk}).status_code
        == 403
    )
    api("alice", "post", f"{base}/confirmations", json={"department_id": org.market.pk})
    done = api("rita", "post", f"{base}/confirmations", json={"department_id": org.rnd.pk})
    assert done.json()["all_confirmed"] is True
    path = api("mark", "get", f"/collaborations/{collab.number}/escalation-path").json()
    assert [lv["limit_unit"] for lv in path] == ["clock_hours", "clock_hours", "working_days"]
    xlsx = api("alice", "get", f"{base}/export.xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert api("alice", "delete", f"{base}/items/{row.json()['id']}").status_code == 204
    assert (
        api(
            "alice", "put", f"{base}/levels/7", json={"limit_value": 1, "limit_unit": "clock_hours"}
        ).status_code
        == 400
    )
