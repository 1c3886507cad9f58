"""A retrospective collects what worked and what to improve, tracks its actions,
and its rule proposals reach the PMO, who adopts or declines them."""

from datetime import date
from typing import Any

import pytest

from concord.closing.reviews import selectors, services
from concord.closing.reviews.models import MeasureState, ProposalState
from concord.knowledge.models import SearchEntry
from concord.lib.errors import DomainError
from concord.notifications.models import Notification
from tests.personas import Org
from tests.tasks.helpers import Project


def _retro(org: Org, proj: Project) -> Any:
    return services.retrospective_start(actor=proj.leo, collaboration=proj.collab)


def test_points_actions_and_publication(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-20 10:00"):
        retro = _retro(org, proj)
        services.retro_point_add(
            actor=proj.rob, retro=retro, kind="worked", text="每日进度同步机制高效"
        )
        services.retro_point_add(
            actor=proj.cara, retro=retro, kind="improve", text="跨部门流程修订时需增加法务部预审"
        )
        measure = services.measure_add(
            actor=proj.leo,
            parent=retro,
            text="建立跨部门SOP",
            owner=proj.cara,
            due_on=date(2026, 8, 31),
        )
        assert measure.task is None  # tracked on the retrospective
        # ...so its owner is told by the retrospective, not by a task.
        told = Notification.objects.get(recipient=proj.cara, kind="reviews.measure_assigned")
        assert told.params["due_on"] == "2026-08-31"
        services.measure_done(actor=proj.cara, measure=measure)
        services.retrospective_publish(actor=proj.leo, retro=retro)
    measure.refresh_from_db()
    assert measure.state == MeasureState.DONE
    entry = SearchEntry.objects.get(kind="retrospective")
    assert "法务部预审" in entry.body


def test_publishing_needs_a_point(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-20 10:00"):
        retro = _retro(org, proj)
        with pytest.raises(DomainError):
            services.retrospective_publish(actor=proj.leo, retro=retro)


def test_the_pmo_decides_and_the_proposer_is_told(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-20 10:00"):
        retro = _retro(org, proj)
        proposal = services.proposal_make(
            actor=proj.rob, retro=retro, text="跨部门流程修订需法务部预审", rationale="避免返工"
        )
    assert Notification.objects.filter(recipient=org.pam, kind="reviews.proposal_new")
    assert list(selectors.proposals("open")) == [proposal]
    with pytest.raises(DomainError) as exc:
        services.proposal_decide(actor=proj.leo, proposal=proposal, adopt=True)
    assert exc.value.code == "forbidden"
    with pytest.raises(DomainError):  # declining needs a note
        services.proposal_decide(actor=org.pam, proposal=proposal, adopt=False)
    services.proposal_decide(actor=org.pam, proposal=proposal, adopt=True, note="纳入制度修订")
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.ADOPTED
    assert Notification.objects.filter(recipient=proj.rob, kind="reviews.proposal_adopted")
    with pytest.raises(DomainError) as exc:
        services.proposal_decide(actor=org.pam, proposal=proposal, adopt=False, note="x")
    assert exc.value.code == "conflict"
