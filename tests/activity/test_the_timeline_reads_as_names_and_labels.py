"""The timeline shows who and which department by name, fields by label — in constant queries."""

from typing import Any

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import Project, project, task


@pytest.fixture
def at() -> Any:
    def travel(when: str) -> Any:
        return time_machine.travel(f"{when} +0800", tick=False)

    return travel


def _render(subject: Any, lang: str) -> str:
    with translation.override(lang):
        return Template("{% load activity %}{% timeline subject %}").render(
            Context({"subject": subject})
        )


def _proj(org: Org, at: Any) -> Project:
    with at("2026-07-01 10:00"):
        return project(org)


def test_an_owner_change_names_both_people(org: Org, at: Any) -> None:
    p = _proj(org, at)
    with at("2026-07-02 10:00"):
        t = task(org, p)
        services.task_update(actor=p.leo, task=t, owner=p.cara)
    html = _render(t, "en")
    assert "owner: 罗工 → 蔡对接" in html
    assert "<code>owner</code>" not in html
    assert f"owner: {p.rob.pk}" not in html


def test_labels_follow_the_language_and_departments_are_named(org: Org, at: Any) -> None:
    p = _proj(org, at)
    with at("2026-07-02 10:00"):
        t = task(org, p)
    assert "负责人: 罗工" in _render(t, "zh-hans")
    assert "owner: 罗工" in _render(t, "en")
    # The project's set-up added 研发部 to the team: the event holds its id.
    assert "部门: 研发部" in _render(p.collab, "zh-hans")


def test_the_query_count_does_not_grow_with_events(org: Org, at: Any) -> None:
    p = _proj(org, at)
    with at("2026-07-02 10:00"):
        t = task(org, p)
        services.task_update(actor=p.leo, task=t, owner=p.cara)
    with CaptureQueriesContext(connection) as few:
        _render(p.collab, "en")
    with at("2026-07-03 10:00"):
        for i in range(5):
            other = task(org, p, title=f"任务{i}")
            services.task_update(actor=p.leo, task=other, owner=p.cara)
    with CaptureQueriesContext(connection) as many:
        _render(p.collab, "en")
    assert len(many) == len(few)


def test_moments_read_in_local_time() -> None:
    from concord.activity.display import _text

    assert _text("2026-07-02T02:00:00Z", None) == "2026-07-02 10:00"
    assert _text("2026-07-02T02:00:00+00:00", None) == "2026-07-02 10:00"
    assert _text("2026-07-02", None) == "2026-07-02"
    assert _text("2026-07-02T10:00 is not a moment", None) == "2026-07-02T10:00 is not a moment"
