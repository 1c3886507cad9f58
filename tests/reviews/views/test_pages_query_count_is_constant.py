"""The reviews list, a review, the retrospective and the proposals list cost the same
queries with one or several rows."""

from datetime import date
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.closing.reviews import services
from tests.personas import Org
from tests.tasks.helpers import Project

from ..helpers import due_review


def _queries(user: Any, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _add(proj: Project, review: Any, retro: Any, n: int) -> None:
    for i in range(n):
        services.deviation_add(actor=proj.rob, review=review, cause="other", description=f"偏差{i}")
        services.measure_add(
            actor=proj.leo, parent=review, text=f"措施{i}", owner=proj.rob, due_on=date(2026, 7, 20)
        )
        services.retro_point_add(actor=proj.cara, retro=retro, kind="improve", text=f"改进{i}")
        services.measure_add(
            actor=proj.leo, parent=retro, text=f"行动{i}", owner=proj.cara, due_on=date(2026, 7, 20)
        )
        services.proposal_make(actor=proj.rob, retro=retro, text=f"建议{i}")


def test_it_does_not_grow_with_the_rows(org: Org, proj: Project, at: Any) -> None:
    review = due_review(org, proj)
    ref = proj.collab.number
    pages = [
        (proj.leo, f"/collaborations/{ref}/reviews/"),
        (proj.leo, f"/collaborations/{ref}/reviews/{review.pk}/"),
        (proj.leo, f"/collaborations/{ref}/retrospective/project/"),
        (org.pam, "/proposals/?state=all"),
    ]
    with at("2026-07-02 10:00"):
        retro = services.retrospective_start(actor=proj.leo, collaboration=proj.collab)
        _add(proj, review, retro, 1)
        before = [_queries(user, url) for user, url in pages]
        _add(proj, review, retro, 4)
        after = [_queries(user, url) for user, url in pages]
    assert before == after
