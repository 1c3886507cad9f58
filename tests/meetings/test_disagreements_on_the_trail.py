"""The disagreements are part of the minutes and their own line on the meeting's trail."""

from concord.activity.models import Event
from concord.activity.verbs import label_for
from concord.meetings import services

from .helpers import meeting


def test_noting_the_disagreements_is_its_own_event(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 14:30"):
        services.disagreements_note(actor=proj.cara, meeting=m, text="销售部认为预算不足")
    event = Event.objects.get(subject_id=m.pk, verb="meeting.disagreements_noted")
    assert event.after == {"disagreements": "销售部认为预算不足"}
    assert label_for(event.verb) != event.verb
    assert not Event.objects.filter(subject_id=m.pk, verb="meeting.key_points_noted").exists()
