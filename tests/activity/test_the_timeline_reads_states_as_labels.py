"""A state change reads as the state's label (进行中), not its stored value (in_progress)."""

from typing import Any

import pytest
import time_machine
from django.template import Context, Template
from django.utils import translation

from concord.tasks import services
from tests.personas import Org
from tests.tasks.helpers import project, task


@pytest.fixture
def at() -> Any:
    def travel(when: str) -> Any:
        return time_machine.travel(f"{when} +0800", tick=False)

    return travel


def _render(template: str, subject: Any, lang: str) -> str:
    with translation.override(lang):
        return Template("{% load activity %}" + template).render(Context({"subject": subject}))


def test_a_move_names_the_states_and_the_fields_in_the_readers_language(org: Org, at: Any) -> None:
    with at("2026-07-01 10:00"):
        p = project(org)
    with at("2026-07-02 10:00"):
        t = task(org, p)
        services.task_move(actor=p.rob, task=t, status="in_progress")
    zh = _render("{% timeline subject %}", t, "zh-hans")
    assert "未开始 → 进行中" in zh
    assert "not_started" not in zh
    assert "in_progress" not in zh
    en = _render("{% timeline subject %}", t, "en")
    assert "Not started → In progress" in en


def test_a_page_with_its_own_heading_drops_the_timelines(org: Org, at: Any) -> None:
    with at("2026-07-01 10:00"):
        p = project(org)
        t = task(org, p)
    with_heading = _render("{% timeline subject %}", t, "en")
    without = _render("{% timeline subject heading=False %}", t, "en")
    assert with_heading.count("Timeline</h2>") == 1
    assert "Timeline</h2>" not in without
    assert 'aria-label="Timeline"' in without
