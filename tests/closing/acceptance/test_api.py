"""Acceptance and effect verification through the API: the same rules, JSON errors."""

from tests.closing.helpers import problem
from tests.collaborations.helpers import established
from tests.planning.helpers import effective


def test_a_deliverable_goes_round_the_rework_loop_through_the_api(org, api, at):
    with at("2026-07-01 10:00"):
        collab = established(org)
        effective(org, collab)
        base = f"/collaborations/{collab.number}/acceptance"
        assert api("oscar", "get", base).status_code == 404
        refused = api("rita", "put", f"{base}/group", json={"lead": "rita", "mode": "lead"})
        assert refused.status_code == 403
        group = api(
            "alice",
            "put",
            f"{base}/group",
            json={"lead": "rita", "members": ["dora"], "mode": "lead"},
        )
        assert group.status_code == 200, group.content
        listing = api("mark", "get", base).json()
        (row,) = listing["items"]
        assert row["state"] == "pending"
        assert row["standards"] == ["含预算"]
        submit = f"{base}/deliverables/{row['key']}/submit"
        bad = api("mark", "post", submit, json={"lines": [{"answer": "not_met"}]})
        assert bad.status_code == 400
        assert "lines" in bad.json()["details"]
        made = api("mark", "post", submit, json={"lines": [{"answer": "met"}], "note": "初稿"})
        assert made.status_code == 201, made.content
        item_id = made.json()["id"]
        judge = f"{base}/items/{item_id}/judge"
        assert api("dora", "post", judge, json={"verdict": "pass"}).status_code == 403
        no_date = api("rita", "post", judge, json={"verdict": "rework", "note": "补充"})
        assert no_date.status_code == 400
        assert "rework_due" in no_date.json()["details"]
        rework = api(
            "rita",
            "post",
            judge,
            json={"verdict": "rework", "note": "补充预算明细", "rework_due": "2026-07-08"},
        )
        assert rework.json()["state"] == "rework"
        api("mark", "post", submit, json={"lines": [{"answer": "met"}], "note": "已补充"})
        passed = api("rita", "post", judge, json={"verdict": "pass"}).json()
        assert passed["state"] == "passed"
        assert [(r["round"], r["verdict"]) for r in passed["history"]] == [
            (1, "rework"),
            (2, "pass"),
        ]
        assert api("mark", "get", base).json()["complete"] is True


def test_effect_verification_through_the_api(org, api, at):
    with at("2026-07-01 10:00"):
        prob = problem(org)
        base = f"/collaborations/{prob.number}/verification"
        assert api("rita", "post", f"{base}/start").status_code == 403
        started = api("alice", "post", f"{base}/start")
        assert started.status_code == 201
        early = api(
            "alice", "post", f"{base}/decide", json={"outcome": "resolved", "observed": "好"}
        )
        assert early.status_code == 409
        for who, dept in (("mark", org.market), ("rita", org.rnd)):
            answered = api(
                who,
                "post",
                f"{base}/feedback",
                json={"department_id": dept.pk, "rating": "effective", "text": "有效"},
            )
            assert answered.status_code == 200, answered.content
        done = api(
            "alice", "post", f"{base}/decide", json={"outcome": "unresolved", "observed": "仍延迟"}
        )
        assert done.json()["outcome"] == "unresolved"
        rounds = api("alice", "get", base).json()
        assert [(r["round"], r["state"]) for r in rounds] == [(1, "decided"), (2, "defining")]
