"""The board moves cards over htmx: between columns, by the arrows, with a reason to block."""

from typing import Any

from django.test import Client

from concord.activity.models import Event
from concord.tasks.models import Task
from tests.personas import Org
from tests.tasks.helpers import Project, task

HX = {"HX-Request": "true"}


def _client(user: Any) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def _move(client: Client, p: Project, **data: Any) -> Any:
    return client.post(f"/collaborations/{p.collab.number}/board/move/", data, headers=HX)


def _column_of(html: str, number: str) -> str:
    """Return the status column the card `number` is drawn in."""
    card = html.index(f'data-task="{number}" data-status="')
    start = card + len(f'data-task="{number}" data-status="')
    return html[start : html.index('"', start)]


def test_it_moves_a_card_to_another_column_and_records_it(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        response = _move(_client(proj.rob), proj, task=t.number, status="in_progress", position=0)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="board"' in html
    assert "<html" not in html
    assert _column_of(html, t.number) == "in_progress"
    assert Task.objects.get(pk=t.pk).status == "in_progress"
    assert Event.objects.filter(verb="task.moved").count() == 1


def test_the_arrows_step_one_column(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        client = _client(proj.rob)
        _move(client, proj, task=t.number, step="next")
        assert Task.objects.get(pk=t.pk).status == "in_progress"
        _move(client, proj, task=t.number, step="prev")
    assert Task.objects.get(pk=t.pk).status == "not_started"


def test_a_drop_above_a_card_places_the_task_there(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        first, second, third = (task(org, proj, title=f"任务{i}") for i in range(3))
        _move(
            _client(proj.leo),
            proj,
            task=third.number,
            status="not_started",
            position=0,
            before=first.number,
        )
    order = list(
        Task.objects.filter(status="not_started").order_by("position").values_list("pk", flat=True)
    )
    assert order == [third.pk, first.pk, second.pk]


def test_blocking_asks_why_first(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        client = _client(proj.rob)
        asked = _move(client, proj, task=t.number, status="blocked")
        assert 'data-testid="block-dialog"' in asked.content.decode()
        assert Task.objects.get(pk=t.pk).status == "not_started"
        done = _move(client, proj, task=t.number, status="blocked", blocked_reason="等待测试环境")
    assert _column_of(done.content.decode(), t.number) == "blocked"
    assert Task.objects.get(pk=t.pk).blocked_reason == "等待测试环境"


def test_a_key_deliverable_moved_to_done_shows_review_requested(
    org: Org, proj: Project, at: Any
) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj, needs_review=True)
        client = _client(proj.rob)
        _move(client, proj, task=t.number, status="in_progress")
        response = _move(client, proj, task=t.number, status="done")
    html = response.content.decode()
    assert 'data-testid="board-notice"' in html
    assert "review requested" in html
    assert Task.objects.get(pk=t.pk).review_state == "requested"
    assert _column_of(html, t.number) == "in_progress"


def test_a_refused_move_answers_with_the_reason_and_a_4xx(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        response = _move(_client(org.mark), proj, task=t.number, status="in_progress")
    assert response.status_code == 403
    assert 'data-testid="board-error"' in response.content.decode()
    assert Task.objects.get(pk=t.pk).status == "not_started"


def test_it_is_post_only(org: Org, proj: Project) -> None:
    response = _client(proj.leo).get(f"/collaborations/{proj.collab.number}/board/move/")
    assert response.status_code == 405


def test_without_htmx_it_redirects_to_the_board(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-02 10:00"):
        t = task(org, proj)
        response = _client(proj.rob).post(
            f"/collaborations/{proj.collab.number}/board/move/",
            {"task": t.number, "status": "in_progress"},
        )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/collaborations/{proj.collab.number}/board/")
