"""Reads of reviews, retrospectives and proposals.

The collaboration passed in was already fetched through access. Every list
here costs a constant number of queries (prefetches, no per-row lookups).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.planning.models import Milestone
from concord.planning.selectors import effective_plan
from concord.tasks.models import Status, Task

from .models import (
    Measure,
    MilestoneReview,
    Proposal,
    ProposalState,
    RetroKind,
    RetroPoint,
    Retrospective,
    ReviewState,
)


def _milestone_tasks(collab: Collaboration) -> list[Task]:
    return list(
        Task.objects.filter(collaboration=collab, milestone__isnull=False)
        .select_related("milestone")
        .order_by("seq")
    )


def milestone_task_states(collab: Collaboration) -> dict[UUID, list[bool]]:
    """Return, per milestone key, whether each of its tasks is done."""
    states: dict[UUID, list[bool]] = {}
    for task in _milestone_tasks(collab):
        assert task.milestone is not None
        states.setdefault(task.milestone.key, []).append(task.status == Status.DONE)
    return states


def _day(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return timezone.localtime(value).date().isoformat()
    return str(value.isoformat())


def comparison_rows(review: MilestoneReview, *, live: bool = False) -> list[dict[str, Any]]:
    """Plan vs actual for the milestone's tasks and deliverable.

    Each row: kind ("task" | "milestone"), number, title, deliverable,
    planned (date), actual (date or ""), done, late_days (calendar days late,
    0 when on time or not done yet). A published review returns the rows
    frozen at publication unless `live` is asked.
    """
    if review.state == ReviewState.PUBLISHED and not live:
        return list(review.comparison)
    tasks = list(
        Task.objects.filter(
            collaboration_id=review.collaboration_id, milestone__key=review.milestone_key
        ).order_by("seq")
    )
    rows: list[dict[str, Any]] = []
    last_done: date | None = None
    all_done = bool(tasks)
    for task in tasks:
        done = task.status == Status.DONE
        actual = timezone.localtime(task.done_at).date() if done and task.done_at else None
        if actual and (last_done is None or actual > last_done):
            last_done = actual
        all_done = all_done and done
        late = (actual - task.due_on).days if actual and task.due_on else 0
        if not done and task.due_on and task.due_on < timezone.localdate():
            late = (timezone.localdate() - task.due_on).days
        rows.append(
            {
                "kind": "task",
                "number": task.number,
                "title": task.title,
                "deliverable": task.deliverable,
                "planned": _day(task.due_on),
                "actual": _day(actual),
                "done": done,
                "late_days": max(late, 0),
            }
        )
    reached = last_done if all_done else None
    late = (reached - review.planned_on).days if reached else 0
    rows.insert(
        0,
        {
            "kind": "milestone",
            "number": "",
            "title": review.milestone_name,
            "deliverable": review.deliverable,
            "planned": _day(review.planned_on),
            "actual": _day(reached),
            "done": all_done,
            "late_days": max(late, 0),
        },
    )
    return rows


def review_detail(review: MilestoneReview) -> MilestoneReview:
    """Return the review with its deviations and measures loaded (constant queries)."""
    return (
        MilestoneReview.objects.select_related("published_by__person")
        .prefetch_related(
            Prefetch("deviations__author__person"),
            Prefetch(
                "measures",
                queryset=Measure.objects.select_related("owner__person", "task__collaboration"),
            ),
        )
        .get(pk=review.pk)
    )


def reviews_of(collab: Collaboration) -> list[MilestoneReview]:
    return list(
        MilestoneReview.objects.filter(collaboration=collab).select_related("published_by__person")
    )


@dataclass
class PendingMilestone:
    milestone: Milestone
    done: int
    total: int


def milestones_without_review(collab: Collaboration) -> list[PendingMilestone]:
    """Return the plan's milestones that have no review yet, with their task counts."""
    version = effective_plan(collab)
    if version is None:
        return []
    reviewed = set(
        MilestoneReview.objects.filter(collaboration=collab).values_list("milestone_key", flat=True)
    )
    states = milestone_task_states(collab)
    return [
        PendingMilestone(m, sum(states.get(m.key, [])), len(states.get(m.key, [])))
        for m in version.milestones.all()
        if m.key not in reviewed
    ]


def retrospectives_of(collab: Collaboration) -> dict[str, Retrospective]:
    return {r.kind: r for r in Retrospective.objects.filter(collaboration=collab)}


def retro_detail(retro: Retrospective) -> Retrospective:
    return (
        Retrospective.objects.select_related("created_by__person")
        .prefetch_related(
            Prefetch(
                "points",
                queryset=RetroPoint.objects.select_related("author__person", "department"),
            ),
            Prefetch("measures", queryset=Measure.objects.select_related("owner__person")),
            Prefetch(
                "proposals",
                queryset=Proposal.objects.select_related("proposed_by__person").order_by("id"),
            ),
        )
        .get(pk=retro.pk)
    )


def proposals(state: str = "") -> QuerySet[Proposal]:
    """Every rule proposal (all collaborations), newest first; for the PMO."""
    qs = Proposal.objects.select_related(
        "collaboration", "retrospective", "proposed_by__person", "decided_by__person"
    )
    if state in ProposalState.values:
        qs = qs.filter(state=state)
    return qs


@dataclass
class Side:
    reviews: list[MilestoneReview]
    due: int
    retros: dict[str, Retrospective]
    kinds: list[tuple[str, str]]


def side_of(collab: Collaboration) -> Side:
    """What the collaboration page's section shows (three queries)."""
    reviews = list(MilestoneReview.objects.filter(collaboration=collab))
    retros = retrospectives_of(collab)
    return Side(
        reviews=reviews,
        due=sum(1 for r in reviews if r.state == ReviewState.DUE),
        retros=retros,
        kinds=[(k.value, str(k.label)) for k in RetroKind],
    )
