"""Running `concord demo` again adds no collaboration, event, notification, timer or task."""

from concord.activity.models import Event
from concord.collaborations.models import Collaboration
from concord.notifications.models import Notification
from concord.tasks.models import Task
from concord.timers.models import Timer
from tests.orgs.demo_helpers import run_demo


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Collaboration, Event, Notification, Timer, Task)
    )


def test_a_second_run_adds_nothing(db: None) -> None:
    run_demo()
    before = _counts()
    output = run_demo()
    assert _counts() == before
    assert "0 created" in output


def test_no_collaborations_loads_the_organization_alone(db: None) -> None:
    output = run_demo("--no-collaborations")
    assert not Collaboration.objects.exists()
    assert "zhangwei" in output
