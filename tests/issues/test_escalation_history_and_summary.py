"""The history says met or missed only when the deadline was; the summary counts real escalations.

A stint that ended in time by an escalation or a new deadline resolved
nothing, so it is neither met nor missed; an issue raised at level 2, or a
new deadline at the same level, is no escalation.
"""

from datetime import timedelta
from typing import Any

from django.test import Client

from concord.issues import selectors, services
from concord.issues.models import IssueLevelPeriod, Outcome
from tests.personas import Org
from tests.tasks.helpers import Project

from .helpers import fresh, raise_issue, run_timers


def history(issue: Any) -> list[tuple[int, str, bool | None]]:
    periods = IssueLevelPeriod.objects.filter(issue=issue).order_by("started_at", "id")
    return [(p.level, p.outcome, p.met) for p in periods]


def test_only_a_resolution_meets_a_deadline(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        early = raise_issue(org, proj, title="提前升级")
        redated = raise_issue(org, proj, title="调整时限")
        late = raise_issue(org, proj, title="超时未决")
    with at("2026-07-01 12:00"):
        services.issue_escalate(actor=proj.rob, issue=early, reason="无共识")
        services.issue_redate(
            actor=proj.leo, issue=redated, due_at=fresh(redated).due_at + timedelta(days=2)
        )
    with at("2026-07-02 10:05"):
        run_timers()  # `late` escalates automatically
    with at("2026-07-02 11:00"):
        services.issue_resolve(actor=proj.leo, issue=fresh(late), resolution="已协调")
        assert history(early) == [(1, Outcome.ESCALATED, None), (2, Outcome.RUNNING, None)]
        assert history(redated) == [(1, Outcome.REDATED, None), (1, Outcome.RUNNING, None)]
        assert history(late) == [(1, Outcome.MISSED, False), (2, Outcome.MET, True)]

        client = Client()
        client.force_login(proj.leo)
        page = client.get(fresh(early).get_absolute_url()).content.decode()
    assert 'data-testid="period-met"' not in page
    assert 'data-testid="period-missed"' not in page
    assert page.count('data-testid="period-outcome"') == 2  # escalated early, running


def test_a_stint_ended_after_its_deadline_missed_it(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        issue = raise_issue(org, proj, level=2)
    with at("2026-07-05 10:00"):  # past the 48 hours, before the timer ran
        services.issue_redate(
            actor=proj.leo, issue=issue, due_at=fresh(issue).due_at + timedelta(days=5)
        )
    assert history(issue)[0] == (2, Outcome.REDATED, False)


def test_the_summary_counts_escalations_not_stints(org: Org, proj: Project, at: Any) -> None:
    with at("2026-07-01 10:00"):
        raised_high = raise_issue(org, proj, level=2)
        services.issue_redate(
            actor=proj.leo, issue=raised_high, due_at=fresh(raised_high).due_at + timedelta(days=1)
        )
        by_hand = raise_issue(org, proj)
        services.issue_escalate(actor=proj.rob, issue=by_hand, reason="无共识")
        raise_issue(org, proj)  # escalates automatically
    with at("2026-07-02 10:05"):
        run_timers()
        summary = selectors.summary_of(proj.collab)
    assert summary.escalations == 2
    assert summary.automatic == 1
    assert summary.levels[0].missed == 1  # the one left to run out
    assert summary.levels[0].met == 0
    (rnd,) = summary.departments
    assert rnd.escalated == 2
