"""Action items become tasks on the board on publication, exactly once; decisions are logged."""

from datetime import date

import pytest

from concord.lib.errors import DomainError
from concord.meetings import selectors, services
from concord.tasks.models import Task

from .helpers import meeting


def test_publishing_twice_makes_each_task_once(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 15:10"):
        item = services.action_add(
            actor=proj.cara,
            meeting=m,
            description="完成主视觉海报",
            owner=proj.rob,
            due_on=date(2026, 7, 15),
            deliverable="海报终稿",
        )
        services.minutes_publish(actor=proj.cara, meeting=m)
        services.minutes_publish(actor=proj.cara, meeting=m)
        later = services.action_add(
            actor=proj.cara,
            meeting=m,
            description="确认印刷数量",
            owner=proj.rob,
            due_on=date(2026, 7, 16),
        )
        services.minutes_publish(actor=proj.cara, meeting=m)
    tasks = list(Task.objects.filter(collaboration=proj.collab).order_by("seq"))
    assert [t.title for t in tasks] == ["完成主视觉海报", "确认印刷数量"]
    first = tasks[0]
    assert first.owner == proj.rob
    assert first.due_on == date(2026, 7, 15)
    assert first.deliverable == "海报终稿"
    assert first.source == item
    item.refresh_from_db()
    later.refresh_from_db()
    assert item.task == first
    assert later.task == tasks[1]
    assert item.get_absolute_url().startswith(m.get_absolute_url())
    with pytest.raises(DomainError) as err:
        services.action_remove(actor=proj.cara, item=item)
    assert err.value.code == "conflict"
    room = selectors.room(m)
    assert [a.task.get_status_display() for a in room["actions"]]


def test_decisions_are_logged_and_searchable(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 15:10"):
        services.decision_add(actor=proj.cara, meeting=m, text="预算由市场部承担")
        services.decision_add(actor=proj.cara, meeting=m, text="九月一日启动推广", kind="consensus")
        assert list(selectors.decision_log(proj.collab)) == []  # not published yet
        services.minutes_publish(actor=proj.cara, meeting=m)
    assert len(selectors.decision_log(proj.collab)) == 2
    assert [d.text for d in selectors.decision_log(proj.collab, "预算")] == ["预算由市场部承担"]


def test_only_who_runs_the_meeting_takes_the_minutes(org, proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
        with pytest.raises(DomainError) as err:
            services.decision_add(actor=proj.rob, meeting=m, text="x")
        assert err.value.code == "forbidden"


def test_a_note_taker_from_one_department_publishes_items_owned_in_another(org, proj, at):
    """cara (研发部 contact) takes the notes; an item owned in 市场部 is created by the lead."""
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 15:10"):
        services.action_add(
            actor=proj.cara,
            meeting=m,
            description="市场文案",
            owner=org.alice,
            due_on=date(2026, 7, 15),
        )
        services.minutes_publish(actor=proj.cara, meeting=m)
    task = Task.objects.get(collaboration=proj.collab, title="市场文案")
    assert task.created_by == proj.leo
    assert task.department == org.market


def test_an_action_item_cannot_be_due_before_the_meeting(proj, at):
    with at("2026-07-01 10:00"):
        m = meeting(proj, when="2026-07-03 14:00")
    with at("2026-07-03 15:10"):
        with pytest.raises(DomainError) as err:
            services.action_add(
                actor=proj.cara,
                meeting=m,
                description="补材料",
                owner=proj.rob,
                due_on=date(2026, 7, 2),
            )
        assert err.value.code == "invalid"
        assert "due_on" in err.value.details
        same_day = services.action_add(
            actor=proj.cara,
            meeting=m,
            description="补材料",
            owner=proj.rob,
            due_on=date(2026, 7, 3),
        )
    assert same_day.due_on == date(2026, 7, 3)
