"""Reads of acceptance and effect verification (a constant number of queries each)."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from concord.collaborations.models import Collaboration, Kind
from concord.planning.models import Deliverable
from concord.planning.selectors import effective_plan

from .models import (
    AcceptanceGroup,
    Feedback,
    Item,
    ItemState,
    Outcome,
    Submission,
    Verification,
)


@dataclass
class Row:
    """A deliverable of the plan in force with its acceptance item (None: not submitted)."""

    key: str
    name: str
    department: Any
    standard: str
    item: Item | None
    in_plan: bool = True

    @property
    def state(self) -> str:
        return self.item.state if self.item is not None else ItemState.PENDING

    @property
    def state_label(self) -> str:
        return str(ItemState(self.state).label)


def group_of(collab: Collaboration) -> AcceptanceGroup | None:
    group = (
        AcceptanceGroup.objects.filter(collaboration=collab)
        .select_related("lead__person")
        .prefetch_related("members__user__person")
        .first()
    )
    return group


def plan_deliverables(collab: Collaboration) -> list[Deliverable]:
    version = effective_plan(collab)
    if version is None:
        return []
    return list(
        Deliverable.objects.filter(version=version)
        .select_related("owner_department")
        .order_by("position", "id")
    )


def rows_of(collab: Collaboration) -> list[Row]:
    """Every deliverable of the plan in force, then items whose deliverable left the plan."""
    items = {
        str(i.deliverable_key): i
        for i in Item.objects.filter(collaboration=collab).select_related("owner_department")
    }
    for each in items.values():
        each.collaboration = collab  # links name it by its number, without a query each
    rows = []
    for d in plan_deliverables(collab):
        item: Item | None = items.pop(str(d.key)) if str(d.key) in items else None
        rows.append(Row(str(d.key), d.name, d.owner_department, d.standard, item))
    for key, left in items.items():
        rows.append(Row(key, left.name, left.owner_department, left.standard, left, in_plan=False))
    return rows


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0
    rework: list[Item] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.counts.get(ItemState.PASSED, 0) == self.total


def summary_of(collab: Collaboration) -> Summary:
    rows = [r for r in rows_of(collab) if r.in_plan]
    summary = Summary(total=len(rows))
    for row in rows:
        summary.counts[row.state] = summary.counts.get(row.state, 0) + 1
        if row.item is not None and row.state == ItemState.REWORK:
            summary.rework.append(row.item)
    return summary


def acceptance_complete(collab: Collaboration) -> bool:
    """Whether every deliverable of the plan in force has passed acceptance."""
    return summary_of(collab).complete


def verification_resolved(collab: Collaboration) -> bool:
    """Whether a problem collaboration's effect verification concluded "resolved"."""
    if collab.kind != Kind.PROBLEM:
        return True
    latest = Verification.objects.filter(collaboration=collab).order_by("-round").first()
    return latest is not None and latest.outcome == Outcome.RESOLVED


def submissions_prefetch() -> Prefetch:
    return Prefetch(
        "submissions",
        queryset=Submission.objects.select_related("submitted_by__person", "judged_by__person")
        .prefetch_related("lines", "files")
        .order_by("round"),
    )


def item_detail(item: Item) -> Item:
    return (
        Item.objects.select_related("collaboration", "owner_department")
        .prefetch_related(submissions_prefetch())
        .get(pk=item.pk)
    )


def items_for_record(collab: Collaboration) -> list[Item]:
    """Every item with all its rounds, for the 《成果验收确认表》."""
    return list(
        Item.objects.filter(collaboration=collab)
        .select_related("owner_department")
        .prefetch_related(submissions_prefetch())
        .order_by("id")
    )


def verifications_of(collab: Collaboration) -> list[Verification]:
    """Every round, oldest first, with feedback loaded."""
    return list(
        Verification.objects.filter(collaboration=collab)
        .select_related("decided_by__person", "follow_up_owner__person", "follow_up_task")
        .prefetch_related(
            Prefetch(
                "feedback",
                queryset=Feedback.objects.select_related(
                    "department", "answered_by__person"
                ).order_by("id"),
            )
        )
        .order_by("round")
    )
