"""A follow-up weekly meeting starts with the previous one's open action items."""

from datetime import date

from django.test import Client

from concord.meetings import selectors, services
from concord.tasks import services as task_services

from .helpers import meeting


def test_the_next_weekly_shows_the_open_items_of_the_last(proj, at):
    with at("2026-07-01 10:00"):
        first = meeting(proj, kind="weekly", when="2026-07-03 15:00", minutes=30, title="周例会")
        second = meeting(proj, kind="weekly", when="2026-07-10 15:00", minutes=30, title="周例会")
        other = meeting(proj, kind="coordination", when="2026-07-10 10:00")
    with at("2026-07-03 15:40"):
        done = services.action_add(
            actor=proj.cara,
            meeting=first,
            description="交付海报",
            owner=proj.rob,
            due_on=date(2026, 7, 8),
        )
        services.action_add(
            actor=proj.cara,
            meeting=first,
            description="确认印刷数量",
            owner=proj.rob,
            due_on=date(2026, 7, 9),
        )
        services.minutes_publish(actor=proj.cara, meeting=first)
    with at("2026-07-06 10:00"):
        done.refresh_from_db()
        task_services.task_move(actor=proj.rob, task=done.task, status="in_progress")
        task_services.task_move(actor=proj.rob, task=done.task, status="done")
    carried = selectors.carried_actions(second)
    assert [a.description for a in carried] == ["确认印刷数量"]
    assert selectors.carried_actions(other) == []
    assert selectors.carried_actions(first) == []
    client = Client()
    client.force_login(proj.leo)
    page = client.get(second.get_absolute_url()).content.decode()
    assert 'data-testid="carried-actions"' in page
    assert "确认印刷数量" in page
