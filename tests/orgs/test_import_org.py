"""Importing departments and people from an .xlsx workbook."""

from concord.activity.models import Event
from concord.orgs.importing import import_org
from concord.orgs.models import Department, Level, Person
from tests.orgs.xlsx import GOOD_DEPTS, GOOD_PEOPLE, workbook
from tests.personas import Org


def test_it_creates_and_updates_departments_and_people(org: Org) -> None:
    report = import_org(actor=org.pam, file=workbook(GOOD_DEPTS, GOOD_PEOPLE))
    assert report.errors == []
    assert report.applied is True
    assert (report.departments_created, report.people_created, report.people_updated) == (2, 2, 1)
    ops = Department.objects.get(code="ops")
    assert ops.parent == org.market.parent
    assert ops.head is not None
    assert ops.head.username == "zhaolei"
    sunli = Person.objects.get(user__username="sunli")
    assert sunli.department.code == "ops-cn"
    assert sunli.manager is not None
    assert sunli.manager.username == "zhaolei"
    assert Person.objects.get(user__username="zhaolei").level == Level.DEPARTMENT_HEAD
    assert Person.objects.get(user__username="alice").department == ops


def test_importing_the_same_file_twice_changes_nothing_the_second_time(org: Org) -> None:
    import_org(actor=org.pam, file=workbook(GOOD_DEPTS, GOOD_PEOPLE))
    events = Event.objects.count()
    report = import_org(actor=org.pam, file=workbook(GOOD_DEPTS, GOOD_PEOPLE))
    assert report.ok
    assert (report.departments_created, report.departments_updated) == (0, 0)
    assert (report.people_created, report.people_updated) == (0, 0)
    assert Event.objects.count() == events


def test_a_dry_run_reports_but_changes_nothing(org: Org) -> None:
    events = Event.objects.count()
    report = import_org(actor=org.pam, file=workbook(GOOD_DEPTS, GOOD_PEOPLE), dry_run=True)
    assert report.ok
    assert not report.applied
    assert report.people_created == 2
    assert not Department.objects.filter(code="ops").exists()
    assert Event.objects.count() == events
