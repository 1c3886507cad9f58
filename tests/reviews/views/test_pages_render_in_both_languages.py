"""Every review page (and its downloads) renders, in Chinese and in English."""

from datetime import date
from typing import Any
from urllib.parse import unquote

import pytest
from django.test import Client

from concord.closing.reviews import services
from tests.personas import Org
from tests.tasks.helpers import Project

from ..helpers import due_review


def _fill(org: Org, proj: Project) -> Any:
    review = due_review(org, proj)
    services.deviation_add(
        actor=proj.rob, review=review, cause="dependency", description="等待接口"
    )
    services.measure_add(
        actor=proj.leo, parent=review, text="提前锁定接口", owner=proj.rob, due_on=date(2026, 7, 20)
    )
    retro = services.retrospective_start(actor=proj.leo, collaboration=proj.collab)
    services.retro_point_add(actor=proj.rob, retro=retro, kind="worked", text="周同步会")
    services.proposal_make(actor=proj.rob, retro=retro, text="法务预审")
    return review


@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "Plan vs actual")]
)
def test_it_renders_every_page(
    org: Org, proj: Project, at: Any, language: str, marker: str
) -> None:
    with at("2026-07-02 10:00"):
        review = _fill(org, proj)
        ref = proj.collab.number
        client = Client(headers={"accept-language": language})
        client.force_login(proj.leo)
        client.cookies["django_language"] = language
        for url in [
            f"/collaborations/{ref}/reviews/",
            f"/collaborations/{ref}/reviews/{review.pk}/",
            f"/collaborations/{ref}/retrospective/project/",
            f"/collaborations/{ref}/retrospective/communication/",
            f"/collaborations/{ref}/",
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
        page = client.get(f"/collaborations/{ref}/reviews/{review.pk}/").content.decode()
        assert marker in page
        assert "等待接口" in page
        pam = Client(headers={"accept-language": language})
        pam.force_login(org.pam)
        pam.cookies["django_language"] = language
        assert "法务预审" in pam.get("/proposals/").content.decode()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_report_downloads_named_by_the_convention(
    org: Org, proj: Project, at: Any, fmt: str
) -> None:
    with at("2026-07-02 10:00"):
        review = _fill(org, proj)
        client = Client()
        client.force_login(proj.rob)
        response = client.get(
            f"/collaborations/{proj.collab.number}/reviews/{review.pk}/report.{fmt}"
        )
    assert response.status_code == 200
    disposition = unquote(response["Content-Disposition"])
    assert f"{proj.collab.name}-2026-07-02-复盘报告.{fmt}" in disposition
    assert len(response.content) > 1000


def test_the_feedback_record_downloads_as_a_spreadsheet(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        _fill(org, proj)
        client = Client()
        client.force_login(proj.leo)
        response = client.get(
            f"/collaborations/{proj.collab.number}/retrospective/project/report.xlsx"
        )
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_a_bad_post_is_a_form_error_not_a_500(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        review = due_review(org, proj)
        client = Client()
        client.force_login(proj.leo)
        url = f"/collaborations/{proj.collab.number}/reviews/{review.pk}/"
        response = client.post(url + "measure/", {"text": "x", "due_on": "2020-01-01"})
        assert response.status_code == 400
        response = client.post(url + "publish/")  # no summary: a message, then the page
        assert response.status_code == 302


def test_outsiders_and_non_pmo_get_404(org: Org, proj: Project, at: Any) -> None:
    review = due_review(org, proj)
    client = Client()
    client.force_login(org.oscar)
    assert (
        client.get(f"/collaborations/{proj.collab.number}/reviews/{review.pk}/").status_code == 404
    )
    client.force_login(proj.leo)
    assert client.get("/proposals/").status_code == 404
