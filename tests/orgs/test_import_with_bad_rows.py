"""One bad row: nothing changes, and every problem is reported."""

from concord.activity.models import Event
from concord.orgs.importing import import_org
from concord.orgs.models import Department, Person
from tests.orgs.xlsx import GOOD_DEPTS, GOOD_PEOPLE, workbook
from tests.personas import Org


def test_it_changes_nothing_and_reports_every_error(org: Org) -> None:
    people = [
        *GOOD_PEOPLE,
        # row 5: unknown department, unknown level, bad email
        ["bad", "坏行", "E200", "not-an-email", "nowhere", "", "", "皇帝", "否", ""],
        # row 6: duplicate username, missing name
        ["sunli", "", "E201", "", "ops", "", "", "", "", ""],
    ]
    events = Event.objects.count()
    report = import_org(actor=org.pam, file=workbook(GOOD_DEPTS, people))
    assert not report.ok
    assert not report.applied
    found = {(e.sheet, e.row, e.column) for e in report.errors}
    assert found == {
        ("people", 5, "department_code"),
        ("people", 5, "level"),
        ("people", 5, "email"),
        ("people", 6, "username"),
        ("people", 6, "name"),
    }
    assert all(e.message for e in report.errors)
    assert not Department.objects.filter(code="ops").exists()
    assert not Person.objects.filter(user__username="sunli").exists()
    assert Event.objects.count() == events


def test_a_refusal_from_a_service_rolls_everything_back(org: Org) -> None:
    """alice's manager cycle is only seen when applying; the created rows go too."""
    people = [
        *GOOD_PEOPLE[:2],
        [
            "mark",
            "马经理",
            "E-mark",
            "mark@example.com",
            "market",
            "",
            "alice",
            "部门负责人",
            "",
            "",
        ],
    ]
    report = import_org(actor=org.pam, file=workbook(GOOD_DEPTS, people))
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [
        ("people", 4, "manager_username")
    ]
    assert not Department.objects.filter(code="ops").exists()


def test_it_reports_a_department_cycle_and_missing_columns(org: Org) -> None:
    depts = [["a", "甲", "b", ""], ["b", "乙", "a", ""]]
    report = import_org(actor=org.pam, file=workbook(depts, []))
    assert [(e.row, e.column) for e in report.errors] == [(2, "parent_code")]
    assert "a → b → a" in report.errors[0].message or "b → a → b" in report.errors[0].message
    report = import_org(
        actor=org.pam, file=workbook([], [], dept_headers=["code"], people_headers=["username"])
    )
    assert {(e.row, e.column) for e in report.errors} == {
        (1, "name"),
        (1, "name"),
        (1, "employee_no"),
        (1, "department_code"),
    }


def test_a_file_that_is_not_a_workbook_is_a_domain_error(org: Org) -> None:
    from io import BytesIO

    import pytest

    from concord.lib.errors import DomainError

    with pytest.raises(DomainError):
        import_org(actor=org.pam, file=BytesIO(b"not a zip"))
