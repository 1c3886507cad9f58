"""Reads of the issue log: filtered lists, the escalation history, the summary."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import visible_to
from concord.meetings.models import Meeting

from .models import ACTIVE, Issue, IssueLevelPeriod, IssueUpdate, Status

User = Any


@dataclass
class Filters:
    level: int | None = None
    status: str = ""
    department: int | None = None
    overdue: bool = False
    mine: bool = False
    collaboration: Collaboration | None = None
    q: str = ""


def _base() -> QuerySet[Issue]:
    return Issue.objects.select_related(
        "collaboration", "owner__person", "handler__person"
    ).prefetch_related("departments")


def issue_list(user: User, filters: Filters) -> QuerySet[Issue]:
    """Return the issues `user` may see, filtered; open ones first, then by deadline."""
    if filters.collaboration is not None:
        qs = _base().filter(collaboration=filters.collaboration)
    else:
        qs = _base().filter(collaboration__in=visible_to(user).values("pk"))
    if filters.level in (1, 2, 3):
        qs = qs.filter(level=filters.level)
    if filters.status == "active":
        qs = qs.filter(status__in=ACTIVE)
    elif filters.status in Status.values:
        qs = qs.filter(status=filters.status)
    if filters.department:
        qs = qs.filter(departments=filters.department)
    if filters.overdue:
        qs = qs.filter(status__in=ACTIVE, due_at__lt=timezone.now())
    if filters.mine:
        qs = qs.filter(Q(owner=user) | Q(handler=user) | Q(raised_by=user))
    if filters.q:
        qs = qs.filter(Q(title__icontains=filters.q) | Q(number__iexact=filters.q))
    return qs.order_by("-created_at", "-id")


def periods_of(issue: Issue) -> list[IssueLevelPeriod]:
    return list(issue.periods.select_related("handler__person").order_by("started_at", "id"))


def updates_of(issue: Issue) -> list[IssueUpdate]:
    return list(issue.updates.select_related("author__person").order_by("-created_at", "-id"))


def source_of(issue: Issue) -> Any | None:
    if issue.source_type_id is None:
        return None
    model = issue.source_type.model_class() if issue.source_type else None
    if model is None:
        return None
    return model._default_manager.filter(pk=issue.source_id).first()


def raised_from(source: Any) -> list[Issue]:
    """Return the issues raised from `source` (a task, a meeting …), newest first; one query."""
    return list(
        Issue.objects.filter(
            source_type=ContentType.objects.get_for_model(type(source)), source_id=source.pk
        )
        .select_related("handler__person", "collaboration")
        .order_by("-created_at", "-id")
    )


def meetings_of(issue: Issue) -> list[Any]:
    """Return the escalation meetings scheduled for this issue (the issue is their source)."""
    return list(
        Meeting.objects.filter(
            source_type=ContentType.objects.get_for_model(Issue), source_id=issue.pk
        )
        .select_related("collaboration")  # each meeting's link names it
        .order_by("starts_at")
    )


@dataclass
class LevelRow:
    level: int
    open: int = 0
    overdue: int = 0
    total: int = 0
    met: int = 0
    missed: int = 0


@dataclass
class DepartmentRow:
    name: str
    open: int = 0
    total: int = 0
    escalated: int = 0


@dataclass
class Summary:
    levels: list[LevelRow]
    departments: list[DepartmentRow]
    total: int = 0
    open: int = 0
    overdue: int = 0
    resolved: int = 0
    escalations: int = 0
    automatic: int = 0
    flagged: int = 0
    average_resolution: timedelta | None = None
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def average_hours(self) -> float | None:
        if self.average_resolution is None:
            return None
        return round(self.average_resolution.total_seconds() / 3600, 1)


def summary_of(collab: Collaboration, now: datetime | None = None) -> Summary:
    """Return the escalation summary of a collaboration, in a fixed number of queries."""
    now = now or timezone.now()
    issues = list(Issue.objects.filter(collaboration=collab).prefetch_related("departments"))
    periods = list(IssueLevelPeriod.objects.filter(issue__collaboration=collab))
    levels = {n: LevelRow(level=n) for n in (1, 2, 3)}
    summary = Summary(levels=list(levels.values()), departments=[])
    durations = []
    departments: dict[str, DepartmentRow] = {}
    # An escalation is a stint at a higher level than the issue's previous one:
    # an issue raised at level 2, or a new deadline at the same level, is none.
    escalations = _escalations(periods)
    escalated_ids = {p.issue_id for p in escalations}
    summary.escalations = len(escalations)
    summary.automatic = sum(int(p.automatic) for p in escalations)
    for issue in issues:
        summary.total += 1
        summary.by_status[issue.status] = summary.by_status.get(issue.status, 0) + 1
        active = issue.status in ACTIVE
        if active:
            summary.open += 1
            levels[issue.level].open += 1
            if issue.due_at < now:
                summary.overdue += 1
                levels[issue.level].overdue += 1
        if issue.pmo_flagged_at:
            summary.flagged += 1
        if issue.resolved_at is not None:
            summary.resolved += 1
            durations.append(issue.resolved_at - issue.created_at)
        for dept in issue.departments.all():
            row = departments.setdefault(dept.name, DepartmentRow(name=dept.name))
            row.total += 1
            row.open += int(active)
            row.escalated += int(issue.pk in escalated_ids)
    for p in periods:
        levels[p.level].total += 1
        met = p.met_at(now)
        if met is True:
            levels[p.level].met += 1
        elif met is False:
            levels[p.level].missed += 1
    if durations:
        summary.average_resolution = sum(durations, timedelta()) / len(durations)
    summary.departments = sorted(departments.values(), key=lambda r: (-r.total, r.name))
    return summary


def _escalations(periods: list[IssueLevelPeriod]) -> list[IssueLevelPeriod]:
    """Return the stints that began by going up a level (by hand or automatically)."""
    out = []
    previous: dict[int, int] = {}
    for p in sorted(periods, key=lambda p: (p.started_at, p.pk)):
        if p.issue_id in previous and p.level > previous[p.issue_id]:
            out.append(p)
        previous[p.issue_id] = p.level
    return out


def counts_by_level(collab: Collaboration) -> dict[str, Any]:
    """Return open issues per level and overdue ones (for the collaboration page)."""
    now = timezone.now()
    rows = (
        Issue.objects.filter(collaboration=collab, status__in=ACTIVE)
        .values("level")
        .annotate(n=Count("id"), late=Count("id", filter=Q(due_at__lt=now)))
    )
    by_level = {r["level"]: r for r in rows}
    return {
        "levels": [(n, by_level.get(n, {}).get("n", 0)) for n in (1, 2, 3)],
        "overdue": sum(r["late"] for r in by_level.values()),
        "open": sum(r["n"] for r in by_level.values()),
    }
