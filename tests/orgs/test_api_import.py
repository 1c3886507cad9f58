"""POST /api/v1/org/import: multipart xlsx, dry run, the row report."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from concord.orgs.models import Department
from tests.orgs.xlsx import GOOD_DEPTS, GOOD_PEOPLE, workbook
from tests.personas import Org


def _upload(rows_people: list[list[Any]]) -> SimpleUploadedFile:
    return SimpleUploadedFile("org.xlsx", workbook(GOOD_DEPTS, rows_people).read())


def test_a_dry_run_then_a_real_run(org: Org, api: Any) -> None:
    response = api(
        "pam", "post", "/org/import", data={"file": _upload(GOOD_PEOPLE), "dry_run": "true"}
    )
    assert response.status_code == 200
    assert response.json()["applied"] is False
    assert response.json()["people_created"] == 2
    assert not Department.objects.filter(code="ops").exists()
    response = api("pam", "post", "/org/import", data={"file": _upload(GOOD_PEOPLE)})
    assert response.json()["applied"] is True
    assert Department.objects.filter(code="ops").exists()


def test_bad_rows_answer_400_with_the_report(org: Org, api: Any) -> None:
    people = [*GOOD_PEOPLE, ["x", "某人", "E9", "", "nowhere", "", "", "", "", ""]]
    response = api("pam", "post", "/org/import", data={"file": _upload(people)})
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["errors"] == [
        {
            "sheet": "people",
            "row": 5,
            "column": "department_code",
            "message": body["errors"][0]["message"],
        }
    ]


def test_only_the_pmo_imports_and_junk_is_400(org: Org, api: Any) -> None:
    assert (
        api("alice", "post", "/org/import", data={"file": _upload(GOOD_PEOPLE)}).status_code == 403
    )
    junk = SimpleUploadedFile("org.xlsx", b"junk")
    response = api("pam", "post", "/org/import", data={"file": junk})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert api("pam", "post", "/org/import", data={}).status_code == 422
