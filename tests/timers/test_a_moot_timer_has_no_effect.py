from django.db import transaction

from concord.activity.models import Event
from concord.activity.services import event_record
from concord.orgs import services as orgs
from concord.orgs.models import Person
from concord.timers.models import Timer
from concord.timers.sweep import sweep
from tests.personas import Org
from tests.timers.conftest import schedule


def _welcome(timer: Timer) -> None:
    """A handler written the documented way: re-check the subject under lock."""
    person = Person.objects.select_for_update().select_related("user").get(pk=timer.subject_id)
    if not person.user.is_active:
        return  # moot: the person left after the timer was set
    event_record(actor=None, verb="test.welcomed", subject=person)


def test_it_does_nothing_when_the_subject_changed_state(org: Org, handler_for) -> None:  # type: ignore[no-untyped-def]
    """The timer is spent (fired) but its handler saw the subject was no longer eligible."""
    handler_for("test.welcome", _welcome)
    alice = org.alice.person
    timer = schedule(alice, kind="test.welcome")
    with transaction.atomic():
        orgs.person_deactivate(actor=org.pam, person=alice)

    assert sweep().fired == 1

    assert not Event.objects.filter(verb="test.welcomed").exists()
    timer.refresh_from_db()
    assert timer.state == Timer.State.FIRED


def test_it_acts_when_the_subject_is_still_eligible(org: Org, handler_for) -> None:  # type: ignore[no-untyped-def]
    handler_for("test.welcome", _welcome)
    schedule(org.alice.person, kind="test.welcome")

    sweep()

    assert Event.objects.filter(verb="test.welcomed").count() == 1
