"""On a phone the issue log keeps the title readable: owner and departments show from md up."""

from typing import Any

from django.test import Client

from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import raise_issue


def test_secondary_columns_hide_below_md(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj)
        client = Client()
        client.force_login(proj.leo)
        html = client.get(f"/collaborations/{proj.collab.ref}/issues/").content.decode()
    row = html.split('data-testid="issue-row"', 1)[1].split("</tr>", 1)[0]
    assert f'<td class="text-nowrap"><a href="{issue.get_absolute_url()}">' in row
    assert row.count('class="d-none d-md-table-cell"') == 1  # the owner
    assert 'class="small d-none d-md-table-cell"' in row  # the departments
