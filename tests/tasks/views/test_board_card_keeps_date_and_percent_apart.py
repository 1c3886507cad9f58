"""A card's due date, lag badge and percent sit apart (not "2026-07-1060%")."""

from datetime import date

from django.test import Client
from django.urls import reverse

from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import Project, task


def test_the_due_date_and_the_percent_are_separate_items(org: Org, proj: Project) -> None:
    t = task(org, proj, due_on=date(2026, 7, 10))
    services.task_move(actor=proj.rob, task=t, status="in_progress")
    services.progress_post(actor=proj.rob, task=t, text="进展", percent_done=60)
    client = Client()
    client.force_login(proj.leo)
    html = client.get(reverse("tasks:board", args=[proj.collab.ref])).content.decode()
    line = html.split('data-testid="card-due">2026-07-10</span>', 1)
    assert len(line) == 2
    assert 'class="small d-flex flex-wrap align-items-center column-gap-2"' in line[0][-200:]
    assert '<span class="text-body-secondary">60%</span></div>' in line[1]
