"""The archive page: checklist, upload, waive, build with htmx progress, close; both languages."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.closing.archive import services
from concord.closing.archive.models import ArchiveBundle, Document, Waiver
from concord.timers.sweep import sweep

from .helpers import all_present, upload


def _client(user, language: str = "zh-hans") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def _url(proj, tail: str = "") -> str:
    return f"/collaborations/{proj.collab.number}/archive/{tail}"


@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "Meeting minutes")]
)
def test_the_archive_page_renders_in_both_languages(org, proj, forms, language, marker):
    forms.add("test.request", "request")
    upload(proj.leo, proj.collab, "minutes", name="m.txt")
    services.archive_waive(actor=org.pam, collaboration=proj.collab, doc_type="plan", reason="无")
    for who in (proj.leo, org.pam, org.rita):
        page = _client(who, language).get(_url(proj))
        assert page.status_code == 200
        html = page.content.decode()
        assert marker in html
        assert 'data-testid="item-request" data-status="present"' in html
        assert 'data-testid="item-minutes" data-status="present"' in html
        assert 'data-testid="item-plan" data-status="waived"' in html
        assert 'data-testid="item-progress" data-status="missing"' in html
    collab_page = _client(proj.leo, language).get(proj.collab.get_absolute_url())
    assert 'data-testid="archive-section"' in collab_page.content.decode()


def test_an_outsider_gets_404_everywhere(org, proj, forms):
    doc = upload(proj.leo, proj.collab, "minutes")
    client = _client(org.oscar)
    for url in (_url(proj), _url(proj, f"documents/{doc.pk}/"), _url(proj, "checklist.docx")):
        assert client.get(url).status_code == 404, url
    assert client.post(_url(proj, "close/")).status_code == 404


def test_uploading_from_the_page_renames_the_file(org, proj, forms):
    client = _client(proj.leo)
    response = client.post(
        _url(proj, "upload/"),
        {"doc_type": "minutes", "title": "", "file": SimpleUploadedFile("a.txt", b"abc")},
    )
    assert response.status_code == 302
    doc = Document.objects.get()
    assert doc.name.endswith("-会议纪要.txt")
    download = client.get(_url(proj, f"documents/{doc.pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"abc"
    assert "filename*=UTF-8''" in download["Content-Disposition"]
    # Bad input is a form error, not a 500.
    bad = client.post(_url(proj, "upload/"), {"doc_type": "nonsense"})
    assert bad.status_code == 400


def test_waiving_needs_the_pmo(org, proj, forms):
    denied = _client(proj.leo).post(_url(proj, "waive/"), {"doc_type": "plan", "reason": "x"})
    assert denied.status_code == 400
    assert not Waiver.objects.exists()
    ok = _client(org.pam).post(_url(proj, "waive/"), {"doc_type": "plan", "reason": "无计划"})
    assert ok.status_code == 302
    waiver = Waiver.objects.get()
    _client(org.pam).post(_url(proj, f"waivers/{waiver.pk}/revoke/"))
    waiver.refresh_from_db()
    assert waiver.revoked_at is not None


def test_closing_from_the_page_shows_what_is_missing_then_closes(org, proj, forms):
    client = _client(org.alice)
    refused = client.post(_url(proj, "close/"), {"note": ""})
    assert refused.status_code == 400
    assert "会议纪要" in refused.content.decode()
    all_present(forms)
    assert client.post(_url(proj, "close/"), {"note": "结项"}).status_code == 302
    proj.collab.refresh_from_db()
    assert proj.collab.state == "closed"
    page = client.get(_url(proj)).content.decode()
    # The final bundle is being built: the progress polls itself with htmx.
    bundle = ArchiveBundle.objects.get()
    assert f'hx-get="{_url(proj, f"bundles/{bundle.pk}/")}"' in page
    assert 'hx-trigger="every 2s"' in page
    assert 'data-testid="close-form"' not in page
    # Every page of a closed collaboration still opens.
    ref = proj.collab.number
    for url in (
        proj.collab.get_absolute_url(),
        f"/collaborations/{ref}/board/",
        "/collaborations/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_progress_partial_stops_polling_and_offers_the_download_when_ready(org, proj, forms):
    forms.add("test.request", "request")
    client = _client(proj.leo)
    assert client.post(_url(proj, "build/")).status_code == 302
    bundle = ArchiveBundle.objects.get()
    partial = client.get(_url(proj, f"bundles/{bundle.pk}/")).content.decode()
    assert 'hx-trigger="every 2s"' in partial
    sweep()
    partial = client.get(_url(proj, f"bundles/{bundle.pk}/")).content.decode()
    assert "hx-trigger" not in partial
    assert 'data-testid="bundle-download"' in partial
    response = client.get(_url(proj, f"bundles/{bundle.pk}/download/"))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "index.csv" in archive.namelist()
    assert _client(org.oscar).get(_url(proj, f"bundles/{bundle.pk}/download/")).status_code == 404


def test_the_checklist_downloads_as_a_standard_form(org, proj, monkeypatch):
    from tests.closing.archive.helpers import Registry

    Registry(monkeypatch, keep=("archive.checklist",))
    client = _client(proj.leo)
    for fmt in ("docx", "xlsx"):
        response = client.get(_url(proj, f"checklist.{fmt}"))
        assert response.status_code == 200, fmt
        assert "%E5%BD%92%E6%A1%A3%E6%B8%85%E5%8D%95" in response["Content-Disposition"]  # 归档清单
    from docx import Document as Docx

    response = client.get(_url(proj, "checklist.docx"))
    text = "\n".join(
        cell.text
        for table in Docx(io.BytesIO(response.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "会议纪要" in text
    assert "缺失" in text


def test_the_close_form_warns_about_open_tasks(org, proj, forms):
    from tests.tasks.helpers import task

    task(org, proj)
    page = _client(org.alice).get(_url(proj)).content.decode()
    assert 'data-testid="open-work"' in page
