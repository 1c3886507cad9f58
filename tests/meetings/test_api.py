"""The meetings API schedules, runs and publishes a meeting with the same services as the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from icalendar import Calendar

from tests.tasks.helpers import actor


@pytest.fixture
def call(org, proj):
    from django.test import Client

    from concord.accounts import services as account_services

    tokens: dict[str, str] = {}

    def send(who, method, path, **kw):
        headers = {}
        if who is not None:
            if who not in tokens:
                user = actor(org, proj, who)
                tokens[who] = account_services.token_create(actor=user, user=user, name="t")[1]
            headers["Authorization"] = f"Bearer {tokens[who]}"
        if "json" in kw:
            kw["data"] = kw.pop("json")
            kw["content_type"] = "application/json"
        return getattr(Client(), method)(f"/api/v1{path}", headers=headers, **kw)

    return send


def _new(call, proj, **kw):
    body = {
        "kind": "coordination",
        "title": "Q3推广协调会",
        "starts_at": "2026-07-03T14:00:00+08:00",
        "duration_minutes": 120,
        "host": "leo",
        "note_taker": "cara",
        "attendees": [{"username": "rob", "role": "设计"}],
        **kw,
    }
    return call("leo", "post", f"/collaborations/{proj.collab.number}/meetings", json=body)


def test_a_meeting_from_schedule_to_published_minutes(org, proj, call, at):
    base = f"/collaborations/{proj.collab.number}"
    with at("2026-07-01 10:00"):
        made = _new(call, proj)
        assert made.status_code == 201, made.content
        m = made.json()
        one = f"{base}/meetings/{m['id']}"
        assert next(a["title"] for a in m["agenda"])
        assert len(m["agenda"]) == 5
        assert any("90" in w for w in m["warnings"])
        assert call("rob", "get", "/meetings").json()[0]["id"] == m["id"]
        assert call("leo", "get", f"{base}/meetings").status_code == 200
        cal = Calendar.from_ical(call("rob", "get", f"{one}/invitation.ics").content)
        assert len(cal.walk("VEVENT")) == 1
        upload = call(
            "leo",
            "post",
            f"{one}/materials",
            data={"file": SimpleUploadedFile("方案.txt", "内容".encode())},
        )
        assert upload.status_code == 201, upload.content
        assert call("leo", "post", f"{one}/materials/send").json()["materials_sent_at"]
        agenda = call(
            "leo",
            "put",
            f"{one}/agenda",
            json=[
                {"title": "背景介绍", "minutes": 10, "presenter": "leo"},
                {"title": "议题讨论", "minutes": 40},
            ],
        )
        assert [a["title"] for a in agenda.json()["agenda"]] == ["背景介绍", "议题讨论"]
        assert call("leo", "patch", one, json={"place": "3楼"}).json()["place"] == "3楼"
    with at("2026-07-03 15:00"):
        item = agenda.json()["agenda"][0]["id"]
        assert (
            call(
                "cara", "put", f"{one}/agenda/{item}/key-points", json={"text": "目标一致"}
            ).status_code
            == 200
        )
        assert (
            call("cara", "post", f"{one}/decisions", json={"text": "预算由市场部承担"}).status_code
            == 201
        )
        action = call(
            "cara",
            "post",
            f"{one}/actions",
            json={
                "description": "出海报",
                "owner": "rob",
                "due_on": "2026-07-10",
                "deliverable": "海报",
            },
        )
        assert action.status_code == 201
        published = call("cara", "post", f"{one}/publish").json()
        assert published["status"] == "published"
        assert published["action_items"][0]["task"] == "T-001"
        assert published["action_items"][0]["task_status"] == "not_started"
        confirmed = call("rob", "post", f"{one}/confirm").json()
        assert [
            a["confirmed_at"] is not None for a in confirmed["attendees"] if a["username"] == "rob"
        ] == [True]
        log = call("rob", "get", f"{base}/decisions?q=预算").json()
        assert [d["text"] for d in log] == ["预算由市场部承担"]
        assert call("rob", "get", f"{one}/minutes.docx").status_code == 200


def test_it_answers_4xx_for_bad_input_and_strangers(org, proj, call, at):
    base = f"/collaborations/{proj.collab.number}"
    with at("2026-07-01 10:00"):
        assert _new(call, proj, kind="party").status_code == 422
        assert _new(call, proj, host="nobody").status_code == 400
        m = _new(call, proj).json()
        one = f"{base}/meetings/{m['id']}"
        assert call("oscar", "get", one).status_code == 404
        assert call("rob", "post", f"{one}/decisions", json={"text": "x"}).status_code == 403
        assert call("cara", "post", f"{one}/publish").status_code == 409
        assert call("rob", "post", f"{one}/confirm").status_code == 409
        assert call("leo", "get", f"{base}/meetings/999999").status_code == 404
        assert call("leo", "get", f"{one}/minutes.txt").status_code == 404


def test_materials_series_and_my_calendar_are_on_the_api_too(org, proj, call, at):
    from concord.communication import services as comm
    from concord.communication.inputs import ItemInput

    base = f"/collaborations/{proj.collab.number}"
    with at("2026-07-01 10:00"):
        one = f"{base}/meetings/{_new(call, proj).json()['id']}"
        made = call(
            "leo",
            "post",
            f"{one}/materials",
            data={"file": SimpleUploadedFile("方案.txt", "内容".encode())},
        ).json()
        material = made["materials"][0]["id"]
        got = call("rob", "get", f"{one}/materials/{material}")
        assert got.status_code == 200
        assert b"".join(got.streaming_content) == "内容".encode()
        assert call("rob", "delete", f"{one}/materials/{material}").status_code == 403
        assert call("oscar", "get", f"{one}/materials/{material}").status_code == 404
        left = call("leo", "delete", f"{one}/materials/{material}")
        assert left.status_code == 200
        assert left.json()["materials"] == []
        assert call("leo", "get", f"{one}/materials/{material}").status_code == 404

        cal = Calendar.from_ical(call("rob", "get", "/meetings/calendar.ics").content)
        assert [str(e["SUMMARY"]).startswith("Q3推广协调会") for e in cal.walk("VEVENT")] == [True]

        comm.comm_plan_create(actor=org.pam, collaboration=proj.collab)
        comm.comm_item_add(
            actor=org.pam,
            collaboration=proj.collab,
            data=ItemInput(
                topic="周例会", channel="meeting", rrule="FREQ=WEEKLY;BYDAY=FR", owner=proj.leo
            ),
        )
        series = call("leo", "post", f"{base}/meeting-series", json={}).json()
        running = call("rob", "get", f"{base}/meeting-series").json()
        assert [(s["id"], s["meetings"]) for s in running] == [
            (s["id"], s["meetings"]) for s in series
        ]
        assert all(s["meetings"] > 0 and s["description"] for s in running)
        call("leo", "post", f"{base}/meeting-series/{series[0]['id']}/end")
        left = call("rob", "get", f"{base}/meeting-series").json()
        assert [s["id"] for s in left] == [s["id"] for s in series[1:]]


def test_my_todo_lists_minutes_owed_and_minutes_to_confirm(org, proj, call, at):
    base = f"/collaborations/{proj.collab.number}"
    with at("2026-07-01 10:00"):
        m = _new(call, proj).json()
        assert call("cara", "get", "/meetings/mine/todo").json() == {
            "minutes_owed": [],
            "to_confirm": [],
        }
    with at("2026-07-03 16:30"):  # the two-hour meeting has ended
        owed = call("cara", "get", "/meetings/mine/todo").json()["minutes_owed"]
        assert [r["id"] for r in owed] == [m["id"]]
        call("cara", "post", f"{base}/meetings/{m['id']}/publish")
        todo = call("rob", "get", "/meetings/mine/todo").json()
        assert [r["id"] for r in todo["to_confirm"]] == [m["id"]]
        assert call("cara", "get", "/meetings/mine/todo").json()["minutes_owed"] == []
        call("rob", "post", f"{base}/meetings/{m['id']}/confirm")
        assert call("rob", "get", "/meetings/mine/todo").json()["to_confirm"] == []
