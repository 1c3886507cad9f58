"""A task list imports from .xlsx all or nothing with a row-by-row report (Chinese or
English headers, owner by username, department by code or name); 《任务进度跟踪表》
exports with the guide's columns."""

from io import BytesIO

from django.utils import translation
from openpyxl import Workbook, load_workbook

from concord.tasks import exports, importing, services
from concord.tasks.models import Status, Task
from tests.tasks.helpers import task


def _book(header, *rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["任务清单"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


ZH = ["任务", "负责人", "部门", "截止时间", "交付成果"]


def test_a_bad_row_imports_nothing_and_is_reported(org, proj, at):
    data = _book(
        ZH,
        ["接口开发", "rob", "rnd", "2026-07-20", "接口文档"],
        ["联调", "nobody", "研发部", "2026-07-22", ""],
        ["测试", "rob", "不存在的部门", "tomorrow", ""],
    )
    with at("2026-07-02 10:00"):
        report = importing.tasks_import(actor=proj.leo, collaboration=proj.collab, upload=data)
    assert not report.ok
    assert [(e.row, e.column) for e in report.errors] == [
        (4, "owner"),
        (5, "department"),
        (5, "due_on"),
    ]
    assert Task.objects.count() == 0


def test_a_clean_file_imports_with_english_headers_and_a_dry_run_changes_nothing(org, proj, at):
    data = _book(
        ["Title", "Owner", "Department", "Due date", "Priority"],
        ["API", "rob", "研发部", "2026-07-20", "high"],
        ["Docs", "cara", "rnd", "2026-07-21", ""],
    )
    with at("2026-07-02 10:00"):
        dry = importing.tasks_import(
            actor=proj.leo, collaboration=proj.collab, upload=data, dry_run=True
        )
        assert dry.ok
        assert dry.created == ["T-001", "T-002"]
        assert Task.objects.count() == 0
        report = importing.tasks_import(actor=proj.leo, collaboration=proj.collab, upload=data)
    assert report.created == ["T-001", "T-002"]
    api = Task.objects.get(number="T-001")
    assert (api.owner, api.department, api.priority) == (proj.rob, org.rnd, "high")


def test_the_export_has_the_guides_columns_in_the_readers_language(org, proj, at):
    with at("2026-07-02 10:00"):
        t = task(org, proj, deliverable="接口文档")
        services.task_move(actor=proj.rob, task=t, status=Status.BLOCKED, blocked_reason="等环境")
        with translation.override("zh-hans"):
            zh = load_workbook(BytesIO(exports.tracking_xlsx(proj.collab))).active
            name = exports.filename(proj.collab)
        with translation.override("en"):
            en = load_workbook(BytesIO(exports.tracking_xlsx(proj.collab))).active
    assert [c.value for c in zh[2]] == exports.ZH_HEADERS
    assert exports.ZH_HEADERS == [
        "任务",
        "负责人",
        "部门",
        "截止时间",
        "交付成果",
        "状态",
        "进度",
        "备注",
    ]
    assert [c.value for c in en[2]] == exports.EN_HEADERS
    row = [c.value for c in zh[3]]
    assert row[0] == "T-001 接口开发"
    assert row[1] == "罗工"
    assert row[2] == "研发部"
    assert row[3] == "2026-07-15"
    assert row[4] == "接口文档"
    assert row[7] == "等环境"
    assert name == f"{proj.collab.name}-2026-07-02-任务进度跟踪表.xlsx"
