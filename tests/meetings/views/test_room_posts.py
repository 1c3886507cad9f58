"""The room's forms: htmx posts answer with the partial, plain posts redirect; errors are shown,
never a 500; the kickoff is offered with the guide's agenda; a series changes from one on."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.communication import services as comm
from concord.communication.inputs import ItemInput
from concord.meetings import recurrence
from concord.meetings.models import ActionItem, Decision, Meeting
from tests.meetings.helpers import meeting


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_htmx_posts_answer_with_the_partial(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        c = _client(proj.leo)
        url = m.get_absolute_url()
        htmx = {"HTTP_HX_REQUEST": "true"}
        r = c.post(f"{url}decisions/", {"text": "预算由市场部承担", "kind": "decision"}, **htmx)
        assert r.status_code == 200
        assert 'id="decisions"' in r.content.decode()
        assert "<html" not in r.content.decode()
        r = c.post(f"{url}decisions/", {"text": "", "kind": "decision"}, **htmx)
        assert r.status_code == 200
        assert Decision.objects.filter(meeting=m).count() == 1
        r = c.post(
            f"{url}actions/",
            {"description": "出海报", "owner": proj.rob.pk, "due_on": "2026-07-10"},
            **htmx,
        )
        assert 'data-testid="action"' in r.content.decode()
        item = m.agenda.first()
        r = c.post(f"{url}agenda/{item.pk}/points/", {"key_points": "要点"}, **htmx)
        assert 'data-testid="saved"' in r.content.decode()
        r = c.post(f"{url}disagreements/", {"disagreements": "渠道"}, **htmx)
        assert r.status_code == 200
        action = ActionItem.objects.get(meeting=m)
        r = c.post(f"{url}actions/{action.pk}/remove/", **htmx)
        assert not ActionItem.objects.filter(meeting=m).exists()
        # A stranger in the team cannot take minutes; the partial shows no change.
        r = _client(proj.rob).post(f"{url}decisions/", {"text": "x", "kind": "decision"}, **htmx)
        assert r.status_code == 200
        assert Decision.objects.filter(meeting=m).count() == 1


def test_plain_posts_redirect_and_show_messages(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        c = _client(proj.leo)
        url = m.get_absolute_url()
        r = c.post(
            f"{url}agenda/",
            {"title": ["背景", "讨论"], "minutes": ["5", "x"], "presenter": ["", ""]},
        )
        assert r.status_code == 302
        assert list(m.agenda.values_list("title", flat=True)) == [
            "背景介绍",
            "需求阐述",
            "议题讨论",
            "共识确认",
            "待办明确",
        ]
        r = c.post(
            f"{url}agenda/",
            {"title": ["背景", "讨论"], "minutes": ["5", "20"], "presenter": [proj.leo.pk, ""]},
        )
        assert list(m.agenda.values_list("title", flat=True)) == ["背景", "讨论"]
        r = c.post(f"{url}materials/", {"file": SimpleUploadedFile("a.txt", b"abc")})
        assert r.status_code == 302
        assert c.post(f"{url}materials/send/").status_code == 302
        material = m.materials.get()
        assert c.get(f"{url}materials/{material.pk}/").status_code == 200
        assert c.post(f"{url}publish/").status_code == 302  # refused: not started; a message
        m.refresh_from_db()
        assert m.status == "scheduled"
        r = c.post(
            f"{url}edit/",
            {
                "title": "改名",
                "starts_at": "2026-07-06T10:00",
                "duration_minutes": 45,
                "host": proj.leo.pk,
                "note_taker": proj.cara.pk,
                "place": "",
                "note": "",
            },
        )
        assert r.status_code == 302
        m.refresh_from_db()
        assert m.title == "改名"
        assert c.post(f"{url}cancel/", {"reason": "改期"}).status_code == 302
        m.refresh_from_db()
        assert m.status == "cancelled"


def test_new_meeting_and_kickoff(proj, at):
    with at("2026-07-01 10:00"):
        c = _client(proj.leo)
        base = f"/collaborations/{proj.collab.number}/meetings/"
        page = c.get(f"{base}new/?kind=kickoff").content.decode()
        assert 'value="kickoff" selected' in page
        r = c.post(
            f"{base}new/",
            {
                "kind": "kickoff",
                "title": "启动会",
                "starts_at": "2026-07-03T10:00",
                "duration_minutes": 60,
                "host": proj.leo.pk,
                "note_taker": proj.cara.pk,
                "attendees": [proj.rob.pk],
            },
        )
        assert r.status_code == 302
        m = Meeting.objects.get(title="启动会")
        assert m.kind == "kickoff"
        assert m.agenda.count() == 5
        r = c.post(f"{base}new/", {"kind": "weekly", "title": "", "starts_at": "bad"})
        assert r.status_code == 200
        section = c.get(f"/collaborations/{proj.collab.number}/").content.decode()
        assert 'data-testid="meetings-section"' in section
        assert 'data-testid="schedule-kickoff"' not in section


def test_a_series_changes_from_one_meeting_on_through_the_page(org, proj, at):
    with at("2026-07-01 10:00"):
        comm.comm_plan_create(actor=org.pam, collaboration=proj.collab)
        item = comm.comm_item_add(
            actor=org.pam,
            collaboration=proj.collab,
            data=ItemInput(
                topic="周例会",
                channel="meeting",
                rrule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=10",
                owner=proj.leo,
            ),
        )
        series = recurrence.series_create(actor=proj.leo, comm_item=item)
        third = Meeting.objects.filter(series=series).order_by("starts_at")[2]
        c = _client(proj.leo)
        r = c.post(
            f"{third.get_absolute_url()}edit/",
            {
                "title": third.title,
                "starts_at": "2026-07-21T14:00",
                "duration_minutes": 30,
                "host": proj.leo.pk,
                "note_taker": proj.leo.pk,
                "place": "",
                "note": "",
                "following": "on",
            },
        )
        assert r.status_code == 302
        series.refresh_from_db()
        assert series.until is not None
        assert Meeting.objects.filter(series=series).count() == 2
        assert (
            c.post(f"/collaborations/{proj.collab.number}/meetings/from-plan/").status_code == 302
        )


def test_attendees_following_along_refresh_the_lists(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        room = _client(proj.rob).get(m.get_absolute_url()).content.decode()
        assert 'hx-trigger="every 15s"' in room  # rob follows; he does not take the notes
        assert (
            'hx-trigger="every 15s"'
            not in _client(proj.cara).get(m.get_absolute_url()).content.decode()
        )
        r = _client(proj.rob).get(f"{m.get_absolute_url()}decisions/", HTTP_HX_REQUEST="true")
        assert r.status_code == 200
        assert 'id="decisions"' in r.content.decode()
        assert _client(proj.rob).get(f"{m.get_absolute_url()}actions/").status_code == 200
