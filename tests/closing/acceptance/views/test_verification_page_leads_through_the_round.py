"""The verification page says who is still to answer, keeps each answer, and points onwards."""

import pytest
from django.test import Client

from concord.closing.acceptance import services
from tests.closing.helpers import all_feedback, problem


@pytest.fixture
def prob(org, at):
    with at("2026-07-01 10:00"):
        return problem(org)


def _page(user, ref):
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client.get(f"/collaborations/{ref}/verification/").content.decode()


def test_the_round_cannot_be_concluded_before_every_department_answers(org, prob, at):
    with at("2026-07-01 11:00"):
        v = services.verification_start(actor=org.alice, collaboration=prob)
        services.verification_feedback(
            actor=org.mark,
            verification=v,
            department=org.market,
            rating="partly",
            text="周报准时了",
        )
        page = _page(org.alice, prob.number)
    assert 'data-testid="waiting-feedback"' in page
    waiting = page.split('data-testid="waiting-feedback"')[1].split("</div>")[0]
    assert "研发部" in waiting
    assert "市场部" not in waiting
    assert "<fieldset disabled>" in page
    decide = page.split('data-testid="decide-form"')[1].split("</form>")[0]
    assert 'class="form-select"' in decide
    assert 'class="form-control"' in decide


def test_a_department_sees_and_may_revise_its_answer(org, prob, at):
    with at("2026-07-01 11:00"):
        v = services.verification_start(actor=org.alice, collaboration=prob)
        services.verification_feedback(
            actor=org.mark,
            verification=v,
            department=org.market,
            rating="partly",
            text="周报准时了",
        )
        page = _page(org.mark, prob.number)
    assert 'data-testid="feedback-given"' in page
    assert "周报准时了</textarea>" in page
    assert '<option value="partly" selected>' in page
    assert "Update feedback" in page


def test_once_resolved_the_page_points_to_the_archive(org, prob, at):
    with at("2026-07-01 11:00"):
        v = services.verification_start(actor=org.alice, collaboration=prob)
        all_feedback(org, v)
        services.verification_decide(
            actor=org.alice, verification=v, outcome="resolved", observed="准时提交"
        )
        page = _page(org.alice, prob.number)
    assert 'data-testid="waiting-feedback"' not in page
    assert f'href="/collaborations/{prob.ref}/archive/" data-testid="to-archive"' in page
    assert 'data-testid="concluded-by"' in page
