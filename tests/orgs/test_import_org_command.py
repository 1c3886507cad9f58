"""`concord import_org FILE [--dry-run]`."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from concord.orgs.models import Department
from tests.orgs.xlsx import GOOD_DEPTS, GOOD_PEOPLE, workbook
from tests.personas import Org


def _file(tmp_path: Path, people: list[list[object]]) -> str:
    path = tmp_path / "org.xlsx"
    path.write_bytes(workbook(GOOD_DEPTS, people).read())
    return str(path)


def test_dry_run_then_import(org: Org, tmp_path: Path) -> None:
    out = StringIO()
    call_command("import_org", _file(tmp_path, GOOD_PEOPLE), "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue()
    assert not Department.objects.filter(code="ops").exists()
    call_command("import_org", _file(tmp_path, GOOD_PEOPLE), stdout=out)
    assert Department.objects.filter(code="ops").exists()


def test_bad_rows_fail_listing_every_error(org: Org, tmp_path: Path) -> None:
    people = [*GOOD_PEOPLE, ["x", "", "E9", "", "nowhere", "", "", "", "", ""]]
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_org", _file(tmp_path, people), stderr=err)
    assert "people row 5, department_code" in err.getvalue()
    assert "people row 5, name" in err.getvalue()
    assert not Department.objects.filter(code="ops").exists()


def test_a_missing_file_is_a_command_error(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command("import_org", str(tmp_path / "nope.xlsx"))
