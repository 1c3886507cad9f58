"""Build small workbooks for the import tests."""

from io import BytesIO
from typing import Any

from openpyxl import Workbook

DEPT_HEADERS = ["code", "name", "parent_code", "head_username"]
PEOPLE_HEADERS = [
    "username",
    "name",
    "employee_no",
    "email",
    "department_code",
    "title",
    "manager_username",
    "level",
    "is_pmo",
    "phone",
]


def workbook(
    departments: list[list[Any]],
    people: list[list[Any]],
    *,
    dept_headers: list[str] = DEPT_HEADERS,
    people_headers: list[str] = PEOPLE_HEADERS,
    sheet_names: tuple[str, str] = ("departments", "people"),
) -> BytesIO:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_names[0]
    ws.append(dept_headers)
    for row in departments:
        ws.append(row)
    ps = wb.create_sheet(sheet_names[1])
    ps.append(people_headers)
    for row in people:
        ps.append(row)
    out = BytesIO()
    wb.save(out)
    out.seek(0)
    return out


GOOD_DEPTS = [
    ["ops", "运营部", "gmo", "zhaolei"],
    ["ops-cn", "国内运营组", "ops", ""],
]
GOOD_PEOPLE = [
    [
        "zhaolei",
        "赵磊",
        "E100",
        "zhaolei@example.com",
        "ops",
        "运营经理",
        "dora",
        "部门负责人",
        "否",
        "",
    ],
    ["sunli", "孙丽", "E101", "sunli@example.com", "ops-cn", "运营专员", "zhaolei", "员工", "", ""],
    # An update of an existing person: alice moves to 运营部.
    [
        "alice",
        "艾丽",
        "E-alice",
        "alice@example.com",
        "ops",
        "运营专员",
        "zhaolei",
        "staff",
        "no",
        "",
    ],
]
