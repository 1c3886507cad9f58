"""The reviews API: start, write, add items, publish; retrospectives; the PMO's proposals."""

from typing import Any

from concord.closing.reviews.models import Proposal
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import milestone


def test_a_review_through_the_api(org: Org, proj: Project, api: Any, at: Any) -> None:
    # The API speaks for personas by name: use alice (the initiator, a writer) and rita (a head).
    ref = proj.collab.number
    with at("2026-07-02 10:00"):
        response = api(
            "alice",
            "post",
            f"/collaborations/{ref}/reviews",
            json={"milestone_id": milestone(proj).pk},
        )
        assert response.status_code == 201, response.content
        review_id = response.json()["id"]
        assert response.json()["comparison"][0]["kind"] == "milestone"
        again = api(
            "alice",
            "post",
            f"/collaborations/{ref}/reviews",
            json={"milestone_id": milestone(proj).pk},
        )
        assert again.status_code == 409
        base = f"/collaborations/{ref}/reviews/{review_id}"
        assert (
            api(
                "rita",
                "post",
                f"{base}/deviations",
                json={"cause": "dependency", "description": "等待接口"},
            ).status_code
            == 201
        )
        assert api(
            "rita", "post", f"{base}/deviations", json={"cause": "weather", "description": "x"}
        ).status_code in (400, 422)
        assert api("rita", "put", base, json={"summary": "按期"}).status_code == 403
        assert (
            api(
                "alice", "put", base, json={"summary": "按期", "budget_actual": "1000.00"}
            ).status_code
            == 200
        )
        measure = api(
            "alice",
            "post",
            f"{base}/measures",
            json={"text": "提前锁定接口", "owner": "rob", "due_on": "2026-07-20"},
        )
        assert measure.status_code == 201
        assert measure.json()["measures"][0]["task"].startswith("T-")
        published = api("alice", "post", f"{base}/publish")
        assert published.status_code == 200
        assert published.json()["state"] == "published"
        assert api("oscar", "get", base).status_code == 404
        assert [r["id"] for r in api("rita", "get", f"/collaborations/{ref}/reviews").json()] == [
            review_id
        ]


def test_retrospective_and_proposals_through_the_api(
    org: Org, proj: Project, api: Any, at: Any
) -> None:
    ref = proj.collab.number
    base = f"/collaborations/{ref}/retrospectives/project"
    with at("2026-07-20 10:00"):
        assert api("alice", "get", base).status_code == 404
        assert api("alice", "post", base, json={"summary": "总结"}).status_code == 201
        assert (
            api(
                "rita", "post", f"{base}/points", json={"kind": "worked", "text": "周同步会"}
            ).status_code
            == 201
        )
        response = api(
            "rita", "post", f"{base}/proposals", json={"text": "法务预审", "rationale": "避免返工"}
        )
        assert response.status_code == 201
        proposal_id = response.json()["proposals"][0]["id"]
        assert api("alice", "get", "/proposals").status_code == 403
        listed = api("pam", "get", "/proposals?state=open").json()
        assert [p["id"] for p in listed] == [proposal_id]
        decided = api(
            "pam",
            "post",
            f"/proposals/{proposal_id}/decide",
            json={"adopt": False, "note": "已有制度覆盖"},
        )
        assert decided.status_code == 200
        assert decided.json()["state"] == "declined"
        assert api("alice", "post", f"{base}/publish").status_code == 200
    assert Proposal.objects.get().decision_note == "已有制度覆盖"
