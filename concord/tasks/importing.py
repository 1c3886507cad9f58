"""Import a task list from .xlsx, all or nothing, with a row-by-row report.

The first sheet; a header row (the first row naming a known column, so a
title row above it is fine) with English or Chinese headers:

    title/任务, owner/负责人 (username), department/部门 (code or name),
    due_on/截止时间, start_on/开始时间, deliverable/交付成果,
    deliverable_standard/交付标准, description/描述, priority/优先级

Every row is checked first and every problem reported with its row and
column; only a clean file is applied, through `task_create`, in one
transaction (a refusal there rolls everything back). A dry run does the
same and rolls back, so its report is what a real run would do.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations.models import Collaboration
from concord.lib.errors import DomainError
from concord.orgs.models import Department

from . import access, services
from .models import Priority

COLUMNS = {
    "title": ("title", "task", "任务", "任务名称", "任务描述"),
    "owner": ("owner", "负责人", "负责人账号"),
    "department": ("department", "部门", "负责部门"),
    "due_on": ("due_on", "due date", "截止时间", "截止日期"),
    "start_on": ("start_on", "start date", "开始时间", "开始日期"),
    "deliverable": ("deliverable", "交付成果", "交付物"),
    "deliverable_standard": ("deliverable_standard", "deliverable standard", "交付标准"),
    "description": ("description", "描述", "说明"),
    "priority": ("priority", "优先级"),
}
REQUIRED = ("title", "owner", "department", "due_on")
PRIORITIES = {
    "low": Priority.LOW,
    "低": Priority.LOW,
    "normal": Priority.NORMAL,
    "普通": Priority.NORMAL,
    "中": Priority.NORMAL,
    "high": Priority.HIGH,
    "高": Priority.HIGH,
    "urgent": Priority.URGENT,
    "紧急": Priority.URGENT,
}
MAX_ROWS = 2000


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    created: list[str] = field(default_factory=list)  # task numbers

    @property
    def ok(self) -> bool:
        return not self.errors


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    return date.fromisoformat(text) if text else None


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]]:
    names = {alias.lower(): key for key, aliases in COLUMNS.items() for alias in aliases}
    for index, row in enumerate(rows[:10]):
        found = {}
        for col, cell in enumerate(row):
            key = names.get(_text(cell).lower())
            if key is not None and key not in found:
                found[key] = col
        if "title" in found:
            return index, found
    return -1, {}


def _read(upload: IO[bytes] | bytes) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    data = upload if isinstance(upload, bytes) else upload.read()
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not xlsx
        raise DomainError(_("This is not an .xlsx workbook."), field="file") from exc
    sheet = book.worksheets[0]
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]


def _check(
    collab: Collaboration, rows: list[tuple[Any, ...]], report: ImportReport
) -> list[dict[str, Any]]:
    head, columns = _header(rows)
    if head < 0:
        report.errors.append(RowError(1, "title", _("No header row with a task column found.")))
        return []
    missing = [c for c in REQUIRED if c not in columns]
    for name in missing:
        report.errors.append(RowError(head + 1, name, _("This column is missing.")))
    if missing:
        return []
    body = [
        (head + 2 + i, row) for i, row in enumerate(rows[head + 1 :]) if any(_text(c) for c in row)
    ]
    if len(body) > MAX_ROWS:
        report.errors.append(RowError(head + 1, "", _("Too many rows.")))
        return []
    users = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    departments = list(Department.objects.filter(is_active=True))
    by_code = {d.code.lower(): d for d in departments}
    by_name = {d.name: d for d in departments}
    clean = []
    for number, row in body:

        def cell(name: str, row: tuple[Any, ...] = row) -> Any:
            col = columns.get(name)
            return row[col] if col is not None and col < len(row) else None

        errors: list[RowError] = []
        values: dict[str, Any] = {}
        values["title"] = _text(cell("title"))
        if not values["title"]:
            errors.append(RowError(number, "title", _("This field is required.")))
        owner = users.get(_text(cell("owner")))
        if owner is None:
            errors.append(RowError(number, "owner", _("No active person with this username.")))
        values["owner"] = owner
        dept_text = _text(cell("department"))
        department = by_code.get(dept_text.lower()) or by_name.get(dept_text)
        if department is None:
            errors.append(
                RowError(number, "department", _("No department with this code or name."))
            )
        values["department"] = department
        for name in ("due_on", "start_on"):
            try:
                values[name] = _date(cell(name))
            except (TypeError, ValueError):
                errors.append(RowError(number, name, _("Write the date as YYYY-MM-DD.")))
        if "due_on" in values and values["due_on"] is None:
            errors.append(RowError(number, "due_on", _("This field is required.")))
        priority_text = _text(cell("priority")).lower()
        values["priority"] = PRIORITIES.get(priority_text, Priority.NORMAL)
        if priority_text and priority_text not in PRIORITIES:
            errors.append(RowError(number, "priority", _("Unknown priority.")))
        for name in ("deliverable", "deliverable_standard", "description"):
            values[name] = _text(cell(name))
        if errors:
            report.errors.extend(errors)
        else:
            clean.append({"_row": number, **values})
    return clean


class _DryRun(Exception):
    pass


def tasks_import(
    *, actor: Any, collaboration: Collaboration, upload: IO[bytes] | bytes, dry_run: bool = False
) -> ImportReport:
    """Check the workbook and, when every row is clean (and not a dry run), create the tasks."""
    report = ImportReport(dry_run=dry_run)
    access.require_under_way(collaboration)
    if not access.may_create(actor, collaboration):
        raise access.forbidden()
    rows = _read(upload)
    clean = _check(collaboration, rows, report)
    if report.errors or not clean:
        if not clean and not report.errors:
            report.errors.append(RowError(1, "", _("The sheet has no tasks.")))
        return report
    try:
        with transaction.atomic():
            for values in clean:
                row = values.pop("_row")
                try:
                    task = services.task_create(actor=actor, collaboration=collaboration, **values)
                except DomainError as exc:
                    field = next(iter(exc.details), "")
                    report.errors.append(RowError(row, field, str(exc.message)))
                    continue
                report.created.append(task.number)
            if report.errors:
                report.created = []
                raise _DryRun
            event_record(
                actor=actor,
                verb="tasks.imported",
                subject=collaboration,
                after={"created": report.created},
                scope=collaboration,
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


__all__ = ["ImportReport", "RowError", "tasks_import"]
