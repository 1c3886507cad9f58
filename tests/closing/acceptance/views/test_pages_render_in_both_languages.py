"""Every acceptance page renders, in Chinese (the default) and in English; downloads too."""

from datetime import date

import pytest
from django.test import Client

from concord.closing.acceptance import services
from concord.closing.acceptance.models import Verdict
from tests.closing.helpers import all_feedback, judge, problem, submit


@pytest.mark.parametrize(
    ("language", "marker"), [("zh-hans", 'lang="zh-hans"'), ("en", "Needs rework")]
)
def test_it_renders_every_acceptance_page(org, acc, at, language, marker):
    with at("2026-07-01 10:00"):
        sub = submit(org, acc)
        judge(sub, acc.leo, Verdict.REWORK, "补充预算明细", rework_due=date(2026, 7, 8))
        ref = acc.collab.number
        item = sub.item
        client = Client(headers={"accept-language": language})
        client.cookies["django_language"] = language
        client.force_login(org.mark)
        pages = [
            f"/collaborations/{ref}/acceptance/",
            f"/collaborations/{ref}/acceptance/submit/{item.deliverable_key}/",
            f"/collaborations/{ref}/acceptance/items/{item.pk}/",
            f"/collaborations/{ref}/acceptance/group/",
            f"/collaborations/{ref}/acceptance/record.docx",
            f"/collaborations/{ref}/acceptance/record.xlsx",
            f"/collaborations/{ref}/acceptance/items/{item.pk}/selfcheck-1.docx",
            f"/collaborations/{ref}/",
        ]
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
        page = client.get(f"/collaborations/{ref}/acceptance/").content.decode()
        assert marker in page
        assert "推广方案" in page
        record = client.get(f"/collaborations/{ref}/acceptance/record.docx")
        assert "attachment" in record["Content-Disposition"]


def test_the_record_downloads_as_pdf(org, acc, at):
    with at("2026-07-01 10:00"):
        sub = submit(org, acc)
        judge(sub, acc.leo, Verdict.PASS)
        client = Client()
        client.force_login(acc.leo)
        response = client.get(f"/collaborations/{acc.collab.number}/acceptance/record.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_verification_page_renders_every_round(org, at, language):
    with at("2026-07-01 10:00"):
        prob = problem(org)
        v = services.verification_start(actor=org.alice, collaboration=prob)
        all_feedback(org, v)
        services.verification_decide(
            actor=org.alice, verification=v, outcome="unresolved", observed="仍延迟"
        )
        client = Client(headers={"accept-language": language})
        client.cookies["django_language"] = language
        client.force_login(org.alice)
        page = client.get(f"/collaborations/{prob.number}/verification/")
        assert page.status_code == 200
        assert page.content.decode().count('data-testid="verification-round"') == 2
        assert 'data-testid="redefine-form"' in page.content.decode()
        report = client.get(f"/collaborations/{prob.number}/verification/report.docx")
        assert report.status_code == 200
