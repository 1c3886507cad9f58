"""What the pages can do the API can too: remove a deviation, mark a retrospective's action done."""

from typing import Any

from concord.closing.reviews.models import Deviation, Measure, MeasureState
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import milestone


def test_a_deviation_is_removed_by_its_author_not_by_others(
    org: Org, proj: Project, api: Any, at: Any
) -> None:
    ref = proj.collab.number
    with at("2026-07-02 10:00"):
        review = api(
            "alice",
            "post",
            f"/collaborations/{ref}/reviews",
            json={"milestone_id": milestone(proj).pk},
        ).json()
        base = f"/collaborations/{ref}/reviews/{review['id']}"
        added = api(
            "rita", "post", f"{base}/deviations", json={"cause": "other", "description": "误报"}
        )
        deviation_id = added.json()["deviations"][0]["id"]
        assert api("oscar", "delete", f"{base}/deviations/{deviation_id}").status_code == 404
        assert api("mark", "delete", f"{base}/deviations/{deviation_id}").status_code == 403
        assert api("rita", "delete", f"{base}/deviations/999999").status_code == 404
        removed = api("rita", "delete", f"{base}/deviations/{deviation_id}")
    assert removed.status_code == 200, removed.content
    assert removed.json()["deviations"] == []
    assert not Deviation.objects.exists()


def test_a_retrospective_action_is_marked_done_by_its_owner(
    org: Org, proj: Project, api: Any, at: Any
) -> None:
    ref = proj.collab.number
    base = f"/collaborations/{ref}/retrospectives/project"
    with at("2026-07-20 10:00"):
        api("alice", "post", base, json={"summary": ""})
        added = api(
            "alice",
            "post",
            f"{base}/measures",
            json={"text": "建立跨部门SOP", "owner": "rita", "due_on": "2026-08-31"},
        )
        measure_id = added.json()["measures"][0]["id"]
        assert api("mark", "post", f"{base}/measures/{measure_id}/done").status_code == 403
        done = api("rita", "post", f"{base}/measures/{measure_id}/done")
        assert done.status_code == 200, done.content
        assert api("rita", "post", f"{base}/measures/{measure_id}/done").status_code == 409
    assert Measure.objects.get(pk=measure_id).state == MeasureState.DONE
