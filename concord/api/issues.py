"""Issue log (问题跟踪) and three-level escalation over the API.

Issues hang under a collaboration (`XQ-2026-0001`), numbered within it
(`WT-01`). `GET /issues` lists every issue the caller may see, with the
same filters as the page (level, status, department, overdue, mine). A
collaboration the caller may not see answers 404 like a missing one.
People are named by username, departments by id.
"""

from datetime import datetime
from typing import Annotated, Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from concord.api.common import user_of
from concord.collaborations.access import collaboration_for
from concord.issues import access, exports, meetings, selectors, services
from concord.issues.models import Issue, Outcome
from concord.issues.models import Status as IssueStatus
from concord.lib.errors import DomainError
from concord.meetings.models import Meeting
from concord.orgs.models import Department
from concord.tasks.models import Task

router = Router()

#: The largest id the database takes (a bigger one is a 400, not an overflow).
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


# --- Schemas -------------------------------------------------------------


class IssueIn(Schema):
    title: str = Field(..., max_length=200, examples=["测试环境不可用"])
    owner: str = Field(..., description="The owner's username (责任人).", examples=["rob"])
    description: str = Field("", max_length=10000)
    phenomenon: str = Field("", max_length=10000, examples=["接口联调失败"])
    root_cause: str = Field("", max_length=10000, examples=["测试服务器资源不足"])
    impact_business: str = Field("", max_length=10000, examples=["上线推迟约3天"])
    impact_customers: str = Field("", max_length=10000)
    impact_teams: str = Field("", max_length=10000, examples=["研发部、市场部联调停滞"])
    department_ids: list[Id] = Field(default_factory=list, examples=[[3]])
    level: int = Field(1, ge=1, le=3, examples=[1])
    due_at: datetime | None = Field(
        None, description="Resolution deadline; empty: the level's time limit from now."
    )
    task: str | None = Field(None, description="Raised from this task (its number).")
    meeting: int | None = Field(
        None, ge=1, le=MAX_ID, description="Raised from this meeting (its id); not with task."
    )


class IssuePatch(Schema):
    title: str | None = Field(None, max_length=200)
    owner: str | None = None
    description: str | None = Field(None, max_length=10000)
    phenomenon: str | None = Field(None, max_length=10000)
    root_cause: str | None = Field(None, max_length=10000)
    impact_business: str | None = Field(None, max_length=10000)
    impact_customers: str | None = Field(None, max_length=10000)
    impact_teams: str | None = Field(None, max_length=10000)
    department_ids: list[Id] | None = None


class UpdateIn(Schema):
    body: str = Field(..., max_length=10000, examples=["已申请扩容，预计明日完成"])


class ReasonIn(Schema):
    reason: str = Field(..., max_length=10000, examples=["跨部门无法达成共识"])


class RedateIn(Schema):
    due_at: datetime
    reason: str = Field("", max_length=10000)


class ResolveIn(Schema):
    resolution: str = Field(..., max_length=10000, examples=["已扩容测试服务器"])
    root_cause: str | None = Field(None, max_length=10000)


class CloseIn(Schema):
    note: str = Field("", max_length=2000)


class MeetingIn(Schema):
    starts_at: datetime
    duration_minutes: int = Field(60, ge=5, le=480)
    place: str = Field("", max_length=200)
    attendees: list[str] = Field(
        default_factory=list,
        description="Usernames; empty: the handler, the owner and the departments' contacts.",
    )


class PeriodOut(Schema):
    level: int
    handler: str
    started_at: datetime
    due_at: datetime
    ended_at: datetime | None
    outcome: Outcome
    met: bool | None = Field(None, description="True met, False missed, null still running.")
    automatic: bool
    reason: str


class UpdateOut(Schema):
    author: str
    body: str
    status: IssueStatus
    created_at: datetime


class IssueRow(Schema):
    number: str = Field(..., examples=["WT-01"])
    collaboration: str = Field(..., examples=["XQ-2026-0001"])
    title: str
    level: int
    status: IssueStatus
    owner: str
    handler: str
    due_at: datetime
    overdue: bool
    pmo_flagged: bool
    departments: list[str]


class MeetingOut(Schema):
    id: int
    title: str
    starts_at: datetime
    url: str


class IssueOut(IssueRow):
    description: str
    phenomenon: str
    root_cause: str
    impact_business: str
    impact_customers: str
    impact_teams: str
    raised_by: str
    created_at: datetime
    resolution: str
    resolved_by: str | None
    resolved_at: datetime | None
    confirmed_by: str | None
    closed_at: datetime | None
    source: str | None = Field(None, description="What it was raised from (e.g. a task).")
    periods: list[PeriodOut]
    updates: list[UpdateOut]
    meetings: list[MeetingOut] = Field(
        default_factory=list, description="Escalation meetings scheduled for it."
    )


class LevelOut(Schema):
    level: int
    open: int
    overdue: int
    met: int
    missed: int


class DepartmentOut(Schema):
    name: str
    total: int
    open: int
    escalated: int


class SummaryOut(Schema):
    total: int
    open: int
    overdue: int
    resolved: int
    escalations: int
    automatic: int
    flagged: int
    average_hours_to_resolve: float | None
    levels: list[LevelOut]
    departments: list[DepartmentOut]


# --- Helpers -------------------------------------------------------------


def _person(username: str, field: str) -> Any:
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(_("No active person with this username."), field=field)
    return user


def _departments(ids: list[int]) -> list[Department]:
    found = {d.pk: d for d in Department.objects.filter(pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError(
            _("No department has the id %(id)s.") % {"id": missing[0]}, field="department_ids"
        )
    return [found[i] for i in ids]


def _row(issue: Issue) -> dict[str, Any]:
    return {
        "number": issue.number,
        "collaboration": issue.collaboration.ref,
        "title": issue.title,
        "level": issue.level,
        "status": issue.status,
        "owner": issue.owner.get_username(),
        "handler": issue.handler.get_username(),
        "due_at": issue.due_at,
        "overdue": issue.is_overdue(),
        "pmo_flagged": issue.pmo_flagged_at is not None,
        "departments": [d.name for d in issue.departments.all()],
    }


def _out(issue: Issue) -> dict[str, Any]:
    source = selectors.source_of(issue)
    data = _row(issue)
    data.update(
        {
            "description": issue.description,
            "phenomenon": issue.phenomenon,
            "root_cause": issue.root_cause,
            "impact_business": issue.impact_business,
            "impact_customers": issue.impact_customers,
            "impact_teams": issue.impact_teams,
            "raised_by": issue.raised_by.get_username(),
            "created_at": issue.created_at,
            "resolution": issue.resolution,
            "resolved_by": issue.resolved_by.get_username() if issue.resolved_by else None,
            "resolved_at": issue.resolved_at,
            "confirmed_by": issue.confirmed_by.get_username() if issue.confirmed_by else None,
            "closed_at": issue.closed_at,
            "source": str(source) if source is not None else None,
            "periods": [
                {
                    "level": p.level,
                    "handler": p.handler.get_username(),
                    "started_at": p.started_at,
                    "due_at": p.due_at,
                    "ended_at": p.ended_at,
                    "outcome": p.outcome,
                    "met": p.met,
                    "automatic": p.automatic,
                    "reason": p.reason,
                }
                for p in selectors.periods_of(issue)
            ],
            "updates": [
                {
                    "author": u.author.get_username(),
                    "body": u.body,
                    "status": u.status,
                    "created_at": u.created_at,
                }
                for u in selectors.updates_of(issue)
            ],
            "meetings": [_meeting(m) for m in selectors.meetings_of(issue)],
        }
    )
    return data


def _meeting(meeting: Any) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "title": str(getattr(meeting, "title", meeting)),
        "starts_at": meeting.starts_at,
        "url": meeting.get_absolute_url(),
    }


def _fresh(request: HttpRequest, ref: str, number: str) -> dict[str, Any]:
    return _out(access.issue_for(user_of(request), ref, number))


class ListFilters(Schema):
    level: int | None = Field(None, ge=1, le=3)
    status: str = Field(
        "", description="open, in_progress, escalated, resolved, closed, or active (not resolved)"
    )
    department_id: int | None = Field(None, ge=1, le=MAX_ID)
    overdue: bool = False
    mine: bool = Field(False, description="Owned, handled or raised by the caller.")
    q: str = Field("", max_length=100)


def _filters(query: ListFilters) -> selectors.Filters:
    if query.status and query.status not in (*IssueStatus.values, "active"):
        raise DomainError(_("Unknown status."), field="status")
    return selectors.Filters(
        level=query.level,
        status=query.status,
        department=query.department_id,
        overdue=query.overdue,
        mine=query.mine,
        q=query.q.strip(),
    )


def _source(collab: Any, payload: IssueIn) -> Any:
    """Return the task or meeting of `collab` the issue is raised from (None: on its own)."""
    if payload.task and payload.meeting:
        raise DomainError(
            _("Raise an issue from a task or from a meeting, not both."), field="task"
        )
    if payload.task:
        task = Task.objects.filter(collaboration=collab, number=payload.task.upper()).first()
        if task is None:
            raise DomainError(_("No such task in this collaboration."), field="task")
        return task
    if payload.meeting:
        meeting = Meeting.objects.filter(collaboration=collab, pk=payload.meeting).first()
        if meeting is None:
            raise DomainError(_("No such meeting in this collaboration."), field="meeting")
        return meeting
    return None


# --- Endpoints -----------------------------------------------------------


@router.get("/issues", response=list[IssueRow], summary="Every issue the caller may see")
def all_issues(request: HttpRequest, query: Query[ListFilters]) -> list[dict[str, Any]]:
    issues = selectors.issue_list(user_of(request), _filters(query))[:500]
    return [_row(i) for i in issues]


@router.get("/collaborations/{ref}/issues", response=list[IssueRow], summary="List issues")
def list_issues(request: HttpRequest, ref: str, query: Query[ListFilters]) -> list[dict[str, Any]]:
    collab = collaboration_for(user_of(request), ref)
    filters = _filters(query)
    filters.collaboration = collab
    return [_row(i) for i in selectors.issue_list(user_of(request), filters)[:500]]


@router.post("/collaborations/{ref}/issues", response={201: IssueOut}, summary="Raise an issue")
def raise_issue(request: HttpRequest, ref: str, payload: IssueIn) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    source = _source(collab, payload)
    issue = services.issue_raise(
        actor=user,
        collaboration=collab,
        title=payload.title,
        owner=_person(payload.owner, "owner"),
        description=payload.description,
        phenomenon=payload.phenomenon,
        root_cause=payload.root_cause,
        impact_business=payload.impact_business,
        impact_customers=payload.impact_customers,
        impact_teams=payload.impact_teams,
        departments=_departments(payload.department_ids),
        level=payload.level,
        due_at=payload.due_at,
        source=source,
    )
    return Status(201, _fresh(request, ref, issue.number))


@router.get(
    "/collaborations/{ref}/issues-summary",
    response=SummaryOut,
    summary="Escalation summary of a collaboration",
)
def summary(request: HttpRequest, ref: str) -> dict[str, Any]:
    s = selectors.summary_of(collaboration_for(user_of(request), ref))
    return {
        "total": s.total,
        "open": s.open,
        "overdue": s.overdue,
        "resolved": s.resolved,
        "escalations": s.escalations,
        "automatic": s.automatic,
        "flagged": s.flagged,
        "average_hours_to_resolve": s.average_hours,
        "levels": [vars(r) for r in s.levels],
        "departments": [vars(r) for r in s.departments],
    }


@router.get("/collaborations/{ref}/issues-export", summary="《问题跟踪表》 as .xlsx")
def export(request: HttpRequest, ref: str) -> HttpResponse:
    return exports.table_response(collaboration_for(user_of(request), ref))


@router.get("/collaborations/{ref}/issues/{number}", response=IssueOut, summary="One issue")
def get_issue(request: HttpRequest, ref: str, number: str) -> dict[str, Any]:
    return _fresh(request, ref, number)


@router.patch("/collaborations/{ref}/issues/{number}", response=IssueOut, summary="Edit an issue")
def edit_issue(request: HttpRequest, ref: str, number: str, payload: IssuePatch) -> Any:
    user = user_of(request)
    issue = access.issue_for(user, ref, number)
    data = payload.dict(exclude_unset=True)
    owner = data.pop("owner", None)
    dept_ids = data.pop("department_ids", None)
    fields = {k: v for k, v in data.items() if v is not None}
    services.issue_edit(
        actor=user,
        issue=issue,
        owner=_person(owner, "owner") if owner else None,
        departments=_departments(dept_ids) if dept_ids is not None else None,
        **fields,
    )
    return _fresh(request, ref, number)


@router.post(
    "/collaborations/{ref}/issues/{number}/updates",
    response={201: IssueOut},
    summary="Post a daily status update",
)
def post_update(request: HttpRequest, ref: str, number: str, payload: UpdateIn) -> Any:
    user = user_of(request)
    services.issue_update_post(
        actor=user, issue=access.issue_for(user, ref, number), body=payload.body
    )
    return Status(201, _fresh(request, ref, number))


@router.post(
    "/collaborations/{ref}/issues/{number}/escalate",
    response=IssueOut,
    summary="Escalate to the next level",
)
def escalate(request: HttpRequest, ref: str, number: str, payload: ReasonIn) -> Any:
    user = user_of(request)
    services.issue_escalate(
        actor=user, issue=access.issue_for(user, ref, number), reason=payload.reason
    )
    return _fresh(request, ref, number)


@router.post(
    "/collaborations/{ref}/issues/{number}/deescalate",
    response=IssueOut,
    summary="Bring back one level (the handler or the PMO)",
)
def deescalate(request: HttpRequest, ref: str, number: str, payload: ReasonIn) -> Any:
    user = user_of(request)
    services.issue_deescalate(
        actor=user, issue=access.issue_for(user, ref, number), reason=payload.reason
    )
    return _fresh(request, ref, number)


@router.post(
    "/collaborations/{ref}/issues/{number}/redate",
    response=IssueOut,
    summary="Change the resolution deadline",
)
def redate(request: HttpRequest, ref: str, number: str, payload: RedateIn) -> Any:
    user = user_of(request)
    due = payload.due_at
    if timezone.is_naive(due):
        due = timezone.make_aware(due)
    services.issue_redate(
        actor=user, issue=access.issue_for(user, ref, number), due_at=due, reason=payload.reason
    )
    return _fresh(request, ref, number)


@router.post("/collaborations/{ref}/issues/{number}/resolve", response=IssueOut, summary="Resolve")
def resolve(request: HttpRequest, ref: str, number: str, payload: ResolveIn) -> Any:
    user = user_of(request)
    services.issue_resolve(
        actor=user,
        issue=access.issue_for(user, ref, number),
        resolution=payload.resolution,
        root_cause=payload.root_cause,
    )
    return _fresh(request, ref, number)


@router.post(
    "/collaborations/{ref}/issues/{number}/close",
    response=IssueOut,
    summary="Confirm the resolution and close",
)
def close(request: HttpRequest, ref: str, number: str, payload: CloseIn) -> Any:
    user = user_of(request)
    services.issue_close(actor=user, issue=access.issue_for(user, ref, number), note=payload.note)
    return _fresh(request, ref, number)


@router.post(
    "/collaborations/{ref}/issues/{number}/reopen",
    response=IssueOut,
    summary="Refuse the resolution and reopen",
)
def reopen(request: HttpRequest, ref: str, number: str, payload: ReasonIn) -> Any:
    user = user_of(request)
    services.issue_reopen(
        actor=user, issue=access.issue_for(user, ref, number), reason=payload.reason
    )
    return _fresh(request, ref, number)


@router.post(
    "/collaborations/{ref}/issues/{number}/meeting",
    response={201: MeetingOut},
    summary="Schedule an escalation meeting (level 2 or 3)",
)
def schedule_meeting(request: HttpRequest, ref: str, number: str, payload: MeetingIn) -> Any:
    user = user_of(request)
    issue = access.issue_for(user, ref, number)
    attendees = (
        [_person(u, "attendees") for u in payload.attendees]
        if payload.attendees
        else meetings.default_attendees(issue)
    )
    starts = payload.starts_at
    if timezone.is_naive(starts):
        starts = timezone.make_aware(starts)
    meeting = meetings.escalation_meeting_schedule(
        actor=user,
        issue=issue,
        starts_at=starts,
        duration_minutes=payload.duration_minutes,
        place=payload.place,
        attendees=attendees,
    )
    return Status(201, _meeting(meeting))
