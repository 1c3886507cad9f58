"""The import reads Chinese sheet names, headers and level names."""

from concord.orgs.importing import import_org, template_workbook
from concord.orgs.models import Level, Person
from tests.orgs.xlsx import GOOD_DEPTS, GOOD_PEOPLE, workbook
from tests.personas import Org

ZH_DEPT = ["部门编码", "部门名称", "上级部门编码", "负责人账号"]
ZH_PEOPLE = ["账号", "姓名", "工号", "邮箱", "部门编码", "职务", "上级账号", "职级", "PMO", "电话"]


def test_it_reads_chinese_headers(org: Org) -> None:
    file = workbook(
        GOOD_DEPTS,
        GOOD_PEOPLE,
        dept_headers=ZH_DEPT,
        people_headers=ZH_PEOPLE,
        sheet_names=("部门", "人员"),
    )
    report = import_org(actor=org.pam, file=file)
    assert report.errors == []
    assert Person.objects.get(user__username="zhaolei").level == Level.DEPARTMENT_HEAD


def test_errors_name_the_column_as_written_in_the_file(org: Org) -> None:
    people = [["x", "某人", "E9", "", "nowhere", "", "", "总监", "是", ""]]
    file = workbook([], people, dept_headers=ZH_DEPT, people_headers=ZH_PEOPLE)
    report = import_org(actor=org.pam, file=file)
    assert [e.column for e in report.errors] == ["部门编码"]


def test_the_template_imports_cleanly(org: Org) -> None:
    from io import BytesIO

    from django.utils import translation

    with translation.override("zh-hans"):
        data = template_workbook()
    report = import_org(actor=org.pam, file=BytesIO(data), dry_run=True)
    assert report.errors == []
    assert report.people_created == 2
