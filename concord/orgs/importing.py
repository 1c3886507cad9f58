"""Import departments and people from an .xlsx workbook, all or nothing.

The workbook has two sheets, "departments" and "people" (or 部门 / 人员),
with English or Chinese headers. Every row is checked first and every
problem reported with its sheet, row and column. Only a clean file is
applied, through the services, in one transaction; any refusal there
rolls the whole import back too. A dry run does the same work and then
rolls back, so its report is exactly what a real run would do.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from io import BytesIO
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from concord.lib.errors import DomainError

from . import services
from .models import Department, Level, Person

DEPT_SHEETS = ("departments", "部门")
PEOPLE_SHEETS = ("people", "人员")

DEPT_COLUMNS = {
    "code": ("code", "部门编码"),
    "name": ("name", "部门名称"),
    "parent_code": ("parent_code", "上级部门编码"),
    "head_username": ("head_username", "负责人账号"),
}
PEOPLE_COLUMNS = {
    "username": ("username", "账号"),
    "name": ("name", "姓名"),
    "employee_no": ("employee_no", "工号"),
    "email": ("email", "邮箱"),
    "department_code": ("department_code", "部门编码"),
    "title": ("title", "职务"),
    "manager_username": ("manager_username", "上级账号"),
    "level": ("level", "职级"),
    "is_pmo": ("is_pmo", "pmo"),
    "phone": ("phone", "电话"),
}
DEPT_REQUIRED = ("code", "name")
PEOPLE_REQUIRED = ("username", "name", "employee_no", "department_code")

LEVEL_NAMES = {
    "staff": Level.STAFF,
    "员工": Level.STAFF,
    "dept_head": Level.DEPARTMENT_HEAD,
    "department head": Level.DEPARTMENT_HEAD,
    "部门负责人": Level.DEPARTMENT_HEAD,
    "director": Level.DIRECTOR,
    "总监": Level.DIRECTOR,
    "vp": Level.VP,
    "vice president": Level.VP,
    "副总": Level.VP,
    "分管副总": Level.VP,
    "gm": Level.GM,
    "general manager": Level.GM,
    "总经理": Level.GM,
}
TRUE_WORDS = {"1", "true", "yes", "y", "是", "x", "✓"}
FALSE_WORDS = {"", "0", "false", "no", "n", "否"}
CODE_RE = re.compile(r"^[-a-zA-Z0-9_]+$")


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    departments_created: int = 0
    departments_updated: int = 0
    people_created: int = 0
    people_updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def applied(self) -> bool:
        return self.ok and not self.dry_run

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "departments_created": self.departments_created,
            "departments_updated": self.departments_updated,
            "people_created": self.people_created,
            "people_updated": self.people_updated,
            "errors": [e.__dict__ for e in self.errors],
        }


@dataclass
class Row:
    sheet: str
    number: int
    values: dict[str, str]
    headers: dict[str, str]  # our key -> the header as written in the file

    def col(self, key: str) -> str:
        return self.headers.get(key, key)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_sheet(
    wb: Any, names: tuple[str, ...], columns: Mapping[str, tuple[str, ...]]
) -> tuple[str, dict[str, str], list[Row]] | None:
    sheet = next((wb[n] for n in wb.sheetnames if n.strip().lower() in names), None)
    if sheet is None:
        return None
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    alias = {a.lower(): key for key, names_ in columns.items() for a in names_}
    positions: dict[int, str] = {}
    headers: dict[str, str] = {}
    for i, raw in enumerate(header):
        text = _cell(raw)
        key = alias.get(text.lower())
        if key is not None:
            positions[i] = key
            headers[key] = text
    result: list[Row] = []
    for number, values in enumerate(rows, start=2):
        data = dict.fromkeys(columns, "")
        for i, key in positions.items():
            if i < len(values):
                data[key] = _cell(values[i])
        if any(data.values()):
            result.append(Row(sheet.title, number, data, headers))
    return sheet.title, headers, result


def _check_headers(
    title: str, rows_headers: dict[str, str], required: tuple[str, ...], report: ImportReport
) -> bool:
    missing = [k for k in required if k not in rows_headers]
    for key in missing:
        report.errors.append(
            RowError(title, 1, key, _("The column “%(column)s” is missing.") % {"column": key})
        )
    return not missing


def import_org(*, actor: Any, file: IO[bytes], dry_run: bool = False) -> ImportReport:
    """Check the workbook, then apply it (unless `dry_run` or it has errors)."""
    report = ImportReport(dry_run=dry_run)
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except Exception:
        # openpyxl raises many types (zipfile, KeyError, InvalidFileException)
        # for a file that is not a workbook; to the user they mean one thing.
        raise DomainError(_("The file is not a valid .xlsx workbook."), field="file") from None
    depts = _read_sheet(wb, DEPT_SHEETS, DEPT_COLUMNS)
    people = _read_sheet(wb, PEOPLE_SHEETS, PEOPLE_COLUMNS)
    if depts is None and people is None:
        raise DomainError(
            _("The workbook needs a “departments” or a “people” sheet."), field="file"
        )
    dept_rows: list[Row] = []
    people_rows: list[Row] = []
    if depts is not None:
        title, headers, dept_rows = depts
        if not _check_headers(title, headers, DEPT_REQUIRED, report):
            dept_rows = []
    if people is not None:
        title, headers, people_rows = people
        if not _check_headers(title, headers, PEOPLE_REQUIRED, report):
            people_rows = []
    if report.errors:
        return report
    parsed = _Validator(dept_rows, people_rows, report).run()
    if report.errors:
        return report
    with transaction.atomic():
        _Applier(actor, parsed, report).run()
        if report.errors or dry_run:
            transaction.set_rollback(True)
            if report.errors:
                report.departments_created = report.departments_updated = 0
                report.people_created = report.people_updated = 0
    return report


@dataclass
class _Parsed:
    depts: list[Row]  # parents before children
    people: list[Row]  # managers before their reports
    levels: dict[str, str]
    pmo: dict[str, bool]


class _Validator:
    def __init__(self, dept_rows: list[Row], people_rows: list[Row], report: ImportReport):
        self.dept_rows = dept_rows
        self.people_rows = people_rows
        self.report = report
        self.levels: dict[str, str] = {}
        self.pmo: dict[str, bool] = {}

    def error(self, row: Row, key: str, message: str) -> None:
        self.report.errors.append(RowError(row.sheet, row.number, row.col(key), message))

    def run(self) -> _Parsed:
        db_depts = dict(Department.objects.values_list("code", "parent__code"))
        User = get_user_model()
        db_users = set(User.objects.filter(person__isnull=False).values_list("username", flat=True))
        file_users = {r.values["username"] for r in self.people_rows}
        file_depts = {r.values["code"] for r in self.dept_rows}
        self._departments(db_depts, file_users | db_users)
        self._people(set(db_depts) | file_depts, db_users)
        return _Parsed(
            depts=self._ordered(self.dept_rows, "code", "parent_code", db_depts, "parent_code"),
            people=self._ordered(
                self.people_rows,
                "username",
                "manager_username",
                dict(Person.objects.values_list("user__username", "manager__username")),
                "manager_username",
            ),
            levels=self.levels,
            pmo=self.pmo,
        )

    def _departments(self, db_depts: Mapping[str, str | None], usernames: set[str]) -> None:
        seen: dict[str, int] = {}
        known = set(db_depts) | {r.values["code"] for r in self.dept_rows}
        for row in self.dept_rows:
            v = row.values
            for key in DEPT_REQUIRED:
                if not v[key]:
                    self.error(row, key, _("This value is required."))
            code = v["code"]
            if code and not CODE_RE.match(code):
                self.error(row, "code", _("Use only letters, digits, hyphens and underscores."))
            if code in seen:
                self.error(
                    row,
                    "code",
                    _("The code “%(code)s” appears twice (row %(row)s).")
                    % {"code": code, "row": seen[code]},
                )
            seen.setdefault(code, row.number)
            if v["parent_code"] and v["parent_code"] not in known:
                self.error(
                    row,
                    "parent_code",
                    _("No department has the code “%(code)s”.") % {"code": v["parent_code"]},
                )
            if v["parent_code"] and v["parent_code"] == code:
                self.error(row, "parent_code", _("A department cannot be its own parent."))
            if v["head_username"] and v["head_username"] not in usernames:
                self.error(
                    row,
                    "head_username",
                    _("No person has the username “%(username)s”.")
                    % {"username": v["head_username"]},
                )

    def _people(self, dept_codes: set[str], db_users: set[str]) -> None:
        seen: dict[str, int] = {}
        seen_no: dict[str, int] = {}
        usernames = db_users | {r.values["username"] for r in self.people_rows}
        for row in self.people_rows:
            v = row.values
            for key in PEOPLE_REQUIRED:
                if not v[key]:
                    self.error(row, key, _("This value is required."))
            for key, registry in (("username", seen), ("employee_no", seen_no)):
                value = v[key]
                if value and value in registry:
                    self.error(
                        row,
                        key,
                        _("“%(value)s” appears twice (row %(row)s).")
                        % {"value": value, "row": registry[value]},
                    )
                registry.setdefault(value, row.number)
            if v["department_code"] and v["department_code"] not in dept_codes:
                self.error(
                    row,
                    "department_code",
                    _("No department has the code “%(code)s”.") % {"code": v["department_code"]},
                )
            manager = v["manager_username"]
            if manager and manager not in usernames:
                self.error(
                    row,
                    "manager_username",
                    _("No person has the username “%(username)s”.") % {"username": manager},
                )
            if manager and manager == v["username"]:
                self.error(row, "manager_username", _("A person cannot be their own manager."))
            level = LEVEL_NAMES.get(v["level"].strip().lower() or "staff")
            if level is None:
                self.error(
                    row,
                    "level",
                    _("Unknown level “%(level)s”; use 员工, 部门负责人, 总监, 副总 or 总经理.")
                    % {"level": v["level"]},
                )
            else:
                self.levels[v["username"]] = level
            flag = v["is_pmo"].strip().lower()
            if flag in TRUE_WORDS:
                self.pmo[v["username"]] = True
            elif flag in FALSE_WORDS:
                self.pmo[v["username"]] = False
            else:
                self.error(row, "is_pmo", _("Write 是 or 否 (yes or no)."))
            if v["email"]:
                try:
                    services._check_email(v["email"])
                except DomainError as exc:
                    self.error(row, "email", str(exc.message))

    def _ordered(
        self,
        rows: list[Row],
        key: str,
        up_key: str,
        db_up: Mapping[str, str | None],
        column: str,
    ) -> list[Row]:
        """Order rows so that what a row points up to comes first; report cycles."""
        up = dict(db_up)
        for row in rows:
            up[row.values[key]] = row.values[up_key] or None
        by_key = {row.values[key]: row for row in rows}
        ordered: list[Row] = []
        state: dict[str, int] = {}  # 1 = visiting, 2 = done

        def visit(k: str, path: list[str]) -> None:
            if state.get(k) == 2 or k not in up:
                return
            if state.get(k) == 1:
                row = by_key.get(k)
                if row is not None:
                    self.error(
                        row,
                        column,
                        _("This would make a cycle: %(path)s.")
                        % {"path": " → ".join([*path[path.index(k) :], k])},
                    )
                return
            state[k] = 1
            parent = up.get(k)
            if parent:
                visit(parent, [*path, k])
            state[k] = 2
            if k in by_key:
                ordered.append(by_key[k])

        for row in rows:
            visit(row.values[key], [])
        return ordered


class _Applier:
    def __init__(self, actor: Any, parsed: _Parsed, report: ImportReport):
        self.actor = actor
        self.parsed = parsed
        self.report = report

    def attempt(self, row: Row, fn: Any) -> Any:
        # Each service call is its own savepoint: a refusal undoes that row
        # only, so later rows are still checked and reported.
        try:
            return fn()
        except ObjectDoesNotExist:
            # What the row points to was itself refused above.
            message = _("This row depends on a row that could not be imported.")
            self.report.errors.append(RowError(row.sheet, row.number, "", message))
            return None
        except DomainError as exc:
            key = next(iter(exc.details), "")
            self.report.errors.append(
                RowError(row.sheet, row.number, row.col(key), str(exc.message))
            )
            return None

    def run(self) -> None:
        for row in self.parsed.depts:
            self.attempt(row, lambda row=row: self.department(row))
        for row in self.parsed.people:
            self.attempt(row, lambda row=row: self.person(row))
        for row in self.parsed.depts:
            if row.values["head_username"]:
                self.attempt(row, lambda row=row: self.head(row))

    def department(self, row: Row) -> None:
        v = row.values
        parent = Department.objects.get(code=v["parent_code"]) if v["parent_code"] else None
        dept = Department.objects.filter(code=v["code"]).first()
        if dept is None:
            services.department_create(
                actor=self.actor, name=v["name"], code=v["code"], parent=parent
            )
            self.report.departments_created += 1
        elif dept.name != v["name"] or dept.parent_id != (parent.pk if parent else None):
            services.department_update(
                actor=self.actor, department=dept, name=v["name"], parent=parent
            )
            self.report.departments_updated += 1

    def head(self, row: Row) -> None:
        dept = Department.objects.get(code=row.values["code"])
        head = get_user_model().objects.get(username=row.values["head_username"])
        if dept.head_id != head.pk:
            services.department_set_head(actor=self.actor, department=dept, head=head)

    def person(self, row: Row) -> None:
        v = row.values
        User = get_user_model()
        dept = Department.objects.get(code=v["department_code"])
        manager = (
            User.objects.get(username=v["manager_username"]) if v["manager_username"] else None
        )
        wanted: dict[str, Any] = {
            "name": v["name"],
            "employee_no": v["employee_no"],
            "department": dept,
            "title": v["title"],
            "manager": manager,
            "level": self.parsed.levels[v["username"]],
            "is_pmo": self.parsed.pmo[v["username"]],
            "phone": v["phone"],
            "email": v["email"],
        }
        person = Person.objects.select_related("user").filter(user__username=v["username"]).first()
        if person is None:
            services.person_create(actor=self.actor, username=v["username"], **wanted)
            self.report.people_created += 1
            return
        current = {
            "name": person.name,
            "employee_no": person.employee_no,
            "department": person.department,
            "title": person.title,
            "manager": person.manager,
            "level": person.level,
            "is_pmo": person.is_pmo,
            "phone": person.phone,
            "email": person.user.email,
        }
        changed = {k: val for k, val in wanted.items() if current[k] != val}
        if changed:
            services.person_update(actor=self.actor, person=person, **changed)
            self.report.people_updated += 1


def template_workbook() -> bytes:
    """Return an example workbook with headers in the active language."""
    pick = 1 if (get_language() or "").startswith("zh") else 0
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = DEPT_SHEETS[pick]
    ws.append([names[pick] for names in DEPT_COLUMNS.values()])
    ws.append(["hq", "集团总部", "", "wangfang"])
    ws.append(["market", "市场部", "hq", "zhangwei"])
    people = wb.create_sheet(PEOPLE_SHEETS[pick])
    people.append(
        [names[pick] if names[pick] != "pmo" else "PMO" for names in PEOPLE_COLUMNS.values()]
    )
    people.append(
        [
            "wangfang",
            "王芳",
            "E0001",
            "wangfang@example.com",
            "hq",
            "总经理",
            "",
            "总经理",
            "否",
            "",
        ]
    )
    people.append(
        [
            "zhangwei",
            "张伟",
            "E0002",
            "zhangwei@example.com",
            "market",
            "市场部经理",
            "wangfang",
            "部门负责人",
            "否",
            "13800000000",
        ]
    )
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
