"""Attendees speak for a department in a role; the host, note-taker and decision maker always
attend; kinds that need a decision maker are warned about without one."""

import pytest
from django.test import Client

from concord.lib.errors import DomainError
from concord.meetings import selectors, services
from concord.meetings.models import Attendee
from concord.notifications.models import Notification

from .helpers import meeting


def test_invite_and_remove_with_department_and_role(org, proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, attendees=[{"user": proj.rob, "role": "设计", "department": org.rnd}])
        row = Attendee.objects.get(meeting=m, user=proj.rob)
        assert (row.department, row.role) == (org.rnd, "设计")
        assert Attendee.objects.get(meeting=m, user=proj.leo).role == "主持人"
        services.attendee_add(
            actor=proj.leo, meeting=m, user=org.mark, role="决策", department=org.market
        )
        assert Notification.objects.filter(kind="meetings.invited", recipient=org.mark).exists()
        with pytest.raises(DomainError) as err:
            services.attendee_add(actor=proj.leo, meeting=m, user=org.mark)
        assert err.value.code == "conflict"
        with pytest.raises(DomainError) as err:
            services.attendee_remove(actor=proj.leo, meeting=m, user=proj.cara)
        assert err.value.code == "conflict"
        with pytest.raises(DomainError) as err:
            services.attendee_add(actor=proj.rob, meeting=m, user=org.rita)
        assert err.value.code == "forbidden"
        services.attendee_remove(actor=proj.leo, meeting=m, user=org.mark)
    assert not Attendee.objects.filter(meeting=m, user=org.mark).exists()


def test_the_page_invites_and_removes(org, proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        client = Client()
        client.force_login(proj.leo)
        url = m.get_absolute_url()
        r = client.post(f"{url}attendees/", {"user": proj.rob.pk, "role": "x"})
        assert r.status_code == 302  # already invited: a message, not a 500
        r = client.post(
            f"{url}attendees/",
            {"user": org.rita.pk, "role": "研发负责人", "department": org.rnd.pk},
        )
        assert Attendee.objects.get(meeting=m, user=org.rita).role == "研发负责人"
        client.post(f"{url}attendees/{org.rita.pk}/remove/")
        assert not Attendee.objects.filter(meeting=m, user=org.rita).exists()


def test_an_escalation_without_a_decision_maker_is_warned_about(org, proj, at, settings):
    settings.LANGUAGE_CODE = "en"
    with at("2026-07-01 10:00"):
        bare = meeting(proj, kind="escalation")
        named = meeting(proj, kind="escalation", decision_maker=org.mark)
        other = meeting(proj, kind="weekly", minutes=30)
    assert any("decision maker" in w for w in selectors.warnings(bare))
    assert not any("decision maker" in w for w in selectors.warnings(named))
    assert not any("decision maker" in w for w in selectors.warnings(other))


def test_a_new_decision_maker_is_invited_not_told_of_a_change(org, proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj)
        before = m.sequence
        m = services.meeting_update(actor=proj.leo, meeting=m, decision_maker=org.dora)
    row = Attendee.objects.get(meeting=m, user=org.dora)
    assert row.role == "决策人"
    assert Notification.objects.filter(kind="meetings.invited", recipient=org.dora).count() == 1
    assert not Notification.objects.filter(kind="meetings.changed").exists()
    assert m.sequence == before + 1  # calendar clients learn of the new attendee
    with at("2026-07-01 11:00"):
        services.meeting_update(actor=proj.leo, meeting=m, note_taker=proj.rob, place="3楼会议室")
    # rob already attended: he is told of the new place like everyone, not invited again.
    assert Notification.objects.filter(kind="meetings.invited", recipient=proj.rob).count() == 1
    changed = set(
        Notification.objects.filter(kind="meetings.changed").values_list("recipient_id", flat=True)
    )
    assert changed == {proj.rob.pk, proj.cara.pk, org.dora.pk}
