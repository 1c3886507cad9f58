"""A retrospective's action has no task to chase it: past its date, its owner and the lead
are told, once; an action marked done in time is not chased."""

from datetime import date
from typing import Any

from concord.activity.models import Event
from concord.closing.reviews import services
from concord.notifications.models import Notification
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.tasks.helpers import Project

OVERDUE = "reviews.measure_overdue"


def test_the_owner_and_the_lead_are_told_the_working_day_after(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-20 10:00"):  # a Monday
        retro = services.retrospective_start(actor=proj.leo, collaboration=proj.collab)
        late = services.measure_add(
            actor=proj.leo, parent=retro, text="建立SOP", owner=proj.cara, due_on=date(2026, 7, 24)
        )
        done = services.measure_add(
            actor=proj.leo, parent=retro, text="更新模板", owner=proj.rob, due_on=date(2026, 7, 24)
        )
        services.measure_done(actor=proj.rob, measure=done)
    with at("2026-07-24 18:00"):
        sweep()
    assert not Notification.objects.filter(kind=OVERDUE).exists()
    with at("2026-07-27 10:00"):  # the next working day
        sweep()
    told = Notification.objects.filter(kind=OVERDUE)
    assert sorted(n.recipient.username for n in told) == ["cara", "leo"]
    assert {n.params["measure"] for n in told} == {late.text}
    assert Event.objects.filter(verb="measure.overdue").count() == 1
    with at("2026-07-28 10:00"):
        sweep()
    assert told.count() == 2
