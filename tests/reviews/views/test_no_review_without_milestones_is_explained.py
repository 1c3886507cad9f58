"""A plan without milestones has nothing to review, and the review list says so."""

from typing import Any

from django.test import Client

from tests.personas import Org
from tests.tasks.helpers import project


def test_the_empty_review_list_says_the_plan_has_no_milestones(org: Org, at: Any) -> None:
    with at("2026-07-01 10:00"):
        proj = project(org)
        client = Client()
        client.cookies["django_language"] = "en"
        client.force_login(proj.leo)
        page = client.get(f"/collaborations/{proj.collab.ref}/reviews/").content.decode()
    assert "the plan in effect has no milestones to review" in page


def test_a_due_milestone_keeps_the_plain_empty_message(org: Org, proj: Any, at: Any) -> None:
    with at("2026-07-20 10:00"):
        client = Client()
        client.cookies["django_language"] = "en"
        client.force_login(proj.leo)
        page = client.get(f"/collaborations/{proj.collab.ref}/reviews/").content.decode()
    assert "no milestones to review" not in page
