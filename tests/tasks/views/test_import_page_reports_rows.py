"""The import page checks a workbook first and lists a bad row; nothing is half-imported."""

from io import BytesIO
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from concord.tasks.models import Task
from tests.personas import Org
from tests.tasks.helpers import Project


def _upload(rows: list[list[Any]]) -> SimpleUploadedFile:
    wb = Workbook()
    sheet = wb.active
    sheet.append(["任务", "负责人", "部门", "截止时间"])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile("tasks.xlsx", out.getvalue())


def _post(p: Project, rows: list[list[Any]], dry_run: bool) -> Any:
    client = Client(headers={"accept-language": "en"})
    client.force_login(p.leo)
    data: dict[str, Any] = {"file": _upload(rows)}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(f"/collaborations/{p.collab.number}/tasks/import/", data)


def test_a_bad_row_is_reported_and_nothing_is_imported(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        response = _post(
            proj,
            [["接口开发", "rob", "rnd", "2026-07-20"], ["测试", "nobody", "rnd", "2026-07-21"]],
            dry_run=False,
        )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-testid="import-error"' in html
    assert Task.objects.count() == 0


def test_a_dry_run_changes_nothing_then_the_real_run_imports(
    org: Org, proj: Project, at: Any
) -> None:
    rows = [["接口开发", "rob", "rnd", "2026-07-20"]]
    with at("2026-07-02 10:00"):
        checked = _post(proj, rows, dry_run=True)
        assert checked.status_code == 200
        assert 'data-testid="import-ok"' in checked.content.decode()
        assert Task.objects.count() == 0
        done = _post(proj, rows, dry_run=False)
    assert done.status_code == 200
    assert Task.objects.get().title == "接口开发"
