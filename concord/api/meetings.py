"""Meetings over the API: the same services and selectors as the pages.

Under a collaboration (`/collaborations/{ref}/meetings/{id}`). A collaboration
or meeting the caller may not see answers 404 like a missing one. People are
named by username. Warnings (materials, length, notice) are advice returned
with the meeting, not errors.
"""

from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from concord.api.common import name_of, user_of
from concord.collaborations.access import collaboration_for
from concord.communication.models import CommItem
from concord.knowledge.forms import download
from concord.lib.errors import DomainError
from concord.meetings import access, exports, ics, recurrence, selectors, services
from concord.meetings.models import (
    ActionItem,
    Decision,
    DecisionKind,
    Kind,
    Material,
    Meeting,
    Series,
)
from concord.orgs.models import Department

router = Router()


def _person(username: str | None, field: str) -> Any:
    if not username:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise DomainError(_("No active person with this username."), field=field)
    return user


# --- Schemas -------------------------------------------------------------


class AgendaIn(Schema):
    title: str = Field(..., max_length=300, examples=["背景介绍"])
    minutes: int = Field(10, ge=0, le=1440)
    presenter: str | None = Field(None, description="Username.", examples=["leo"])


class AgendaOut(Schema):
    id: int
    title: str
    minutes: int
    presenter: str | None
    key_points: str


class AttendeeIn(Schema):
    username: str = Field(..., examples=["rob"])
    role: str = Field("", max_length=100)


class AttendeeOut(Schema):
    username: str
    name: str
    department: str | None
    role: str
    confirmed_at: datetime | None
    objection: str


class DecisionIn(Schema):
    text: str = Field(..., max_length=10000, examples=["预算由市场部承担"])
    kind: DecisionKind = DecisionKind.DECISION


class DecisionOut(Schema):
    id: int
    kind: str
    text: str
    meeting_id: int
    meeting_title: str = ""


class ActionIn(Schema):
    description: str = Field(..., max_length=300, examples=["完成主视觉海报"])
    owner: str = Field(..., examples=["rob"])
    due_on: date = Field(..., examples=["2026-07-15"])
    deliverable: str = Field("", max_length=300, examples=["海报终稿"])


class ActionOut(Schema):
    id: int
    description: str
    owner: str
    due_on: date
    deliverable: str
    task: str | None = Field(None, examples=["T-001"])
    task_status: str | None = None


class MeetingIn(Schema):
    kind: Kind = Field(..., examples=["coordination"])
    title: str = Field(..., max_length=200, examples=["Q3推广协调会"])
    starts_at: datetime = Field(..., examples=["2026-07-03T14:00:00+08:00"])
    duration_minutes: int = Field(..., ge=1, le=1440, examples=[60])
    place: str = Field("", max_length=300)
    host: str = Field(..., examples=["leo"])
    note_taker: str = Field(..., examples=["cara"])
    decision_maker: str | None = None
    attendees: list[AttendeeIn] = []
    agenda: list[AgendaIn] | None = Field(None, description="Omit for the guides' default agenda.")
    note: str = Field("", max_length=10000)


class MeetingPatch(Schema):
    title: str | None = Field(None, max_length=200)
    starts_at: datetime | None = None
    duration_minutes: int | None = Field(None, ge=1, le=1440)
    place: str | None = Field(None, max_length=300)
    note: str | None = Field(None, max_length=10000)
    host: str | None = None
    note_taker: str | None = None
    decision_maker: str | None = None


class SplitIn(Schema):
    starts_at: datetime | None = None
    duration_minutes: int | None = Field(None, ge=1, le=1440)
    place: str | None = Field(None, max_length=300)
    rrule: str | None = Field(None, max_length=500, examples=["FREQ=WEEKLY;BYDAY=TU;BYHOUR=14"])


class SeriesIn(Schema):
    comm_item_id: int | None = Field(
        None, description="One plan row; omit for every row with a rule."
    )


class SeriesOut(Schema):
    id: int
    title: str
    rrule: str
    description: str = Field("", examples=["Weekly on Fri at 15:00"])
    dtstart: datetime
    until: datetime | None
    meetings: int


class TextIn(Schema):
    text: str = Field(..., max_length=20000)


class CancelIn(Schema):
    reason: str = Field("", max_length=2000)


class MeetingRow(Schema):
    id: int
    collaboration: str
    kind: str
    title: str
    starts_at: datetime
    duration_minutes: int
    place: str
    host: str
    note_taker: str
    status: str
    minutes_due_at: datetime | None
    minutes_overdue: bool
    url: str


class MeetingOut(MeetingRow):
    decision_maker: str | None
    note: str
    materials_sent_at: datetime | None
    minutes_published_at: datetime | None
    minutes_revision: int
    confirm_by: datetime | None
    disagreements: str
    series_id: int | None
    warnings: list[str]
    agenda: list[AgendaOut]
    attendees: list[AttendeeOut]
    decisions: list[DecisionOut]
    action_items: list[ActionOut]
    carried_action_items: list[ActionOut]
    materials: list[dict[str, Any]]


# --- Output --------------------------------------------------------------


def _row(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.pk,
        "collaboration": m.collaboration.number or str(m.collaboration_id),
        "kind": m.kind,
        "title": m.title,
        "starts_at": m.starts_at,
        "duration_minutes": m.duration_minutes,
        "place": m.place,
        "host": m.host.get_username(),
        "note_taker": m.note_taker.get_username(),
        "status": m.status,
        "minutes_due_at": m.minutes_due_at,
        "minutes_overdue": selectors.minutes_overdue(m),
        "url": m.get_absolute_url(),
    }


def _action(a: ActionItem) -> dict[str, Any]:
    return {
        "id": a.pk,
        "description": a.description,
        "owner": a.owner.get_username(),
        "due_on": a.due_on,
        "deliverable": a.deliverable,
        "task": a.task.number if a.task else None,
        "task_status": a.task.status if a.task else None,
    }


def _decision(d: Decision, title: str = "") -> dict[str, Any]:
    return {
        "id": d.pk,
        "kind": d.kind,
        "text": d.text,
        "meeting_id": d.meeting_id,
        "meeting_title": title,
    }


def _out(m: Meeting) -> dict[str, Any]:
    room = selectors.room(m)
    return {
        **_row(m),
        "decision_maker": m.decision_maker.get_username() if m.decision_maker else None,
        "note": m.note,
        "materials_sent_at": m.materials_sent_at,
        "minutes_published_at": m.minutes_published_at,
        "minutes_revision": m.minutes_revision,
        "confirm_by": m.confirm_by,
        "disagreements": m.disagreements,
        "series_id": m.series_id,
        "warnings": selectors.warnings(m),
        "agenda": [
            {
                "id": i.pk,
                "title": i.title,
                "minutes": i.minutes,
                "presenter": i.presenter.get_username() if i.presenter else None,
                "key_points": i.key_points,
            }
            for i in room["agenda"]
        ],
        "attendees": [
            {
                "username": a.user.get_username(),
                "name": name_of(a.user),
                "department": a.department.name if a.department else None,
                "role": a.role,
                "confirmed_at": a.confirmed_at,
                "objection": a.objection,
            }
            for a in room["attendees"]
        ],
        "decisions": [_decision(d) for d in room["decisions"]],
        "action_items": [_action(a) for a in room["actions"]],
        "carried_action_items": [_action(a) for a in room["carried"]],
        "materials": [
            {"id": f.pk, "name": f.name, "size": f.size, "uploaded_at": f.uploaded_at}
            for f in room["materials"]
        ],
    }


def _meeting(request: HttpRequest, ref: str, pk: int) -> Meeting:
    return access.meeting_for(user_of(request), ref, pk)


def _fresh(request: HttpRequest, ref: str, pk: int) -> dict[str, Any]:
    return _out(_meeting(request, ref, pk))


# --- Routes --------------------------------------------------------------


@router.get("/meetings", response=list[MeetingRow], summary="My meetings")
def my_meetings(request: HttpRequest) -> Any:
    return [_row(m) for m in selectors.my_meetings(user_of(request))[:200]]


class MyWorkOut(Schema):
    minutes_owed: list[MeetingRow]
    to_confirm: list[MeetingRow]


@router.get(
    "/meetings/mine/todo",
    response=MyWorkOut,
    summary="Minutes I owe as note-taker, and published minutes waiting for my confirmation",
)
def my_todo(request: HttpRequest) -> Any:
    user = user_of(request)
    return {
        "minutes_owed": [_row(m) for m in selectors.minutes_owed(user)],
        "to_confirm": [_row(m) for m in selectors.awaiting_my_confirmation(user)],
    }


@router.get("/meetings/calendar.ics", summary="My upcoming meetings as one .ics calendar")
def my_calendar(request: HttpRequest) -> HttpResponse:
    meetings = list(selectors.upcoming_for(user_of(request))[:200])
    body = ics.calendar_of(meetings, lambda m: request.build_absolute_uri(m.get_absolute_url()))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@router.get(
    "/collaborations/{ref}/meetings", response=list[MeetingRow], summary="List the meetings"
)
def list_meetings(request: HttpRequest, ref: str) -> Any:
    collab = collaboration_for(user_of(request), ref)
    rows = []
    for m in selectors.meetings_of(collab)[:500]:
        m.collaboration = collab
        rows.append(_row(m))
    return rows


@router.post(
    "/collaborations/{ref}/meetings",
    response={201: MeetingOut},
    summary="Schedule a meeting and invite its attendees",
)
def schedule(request: HttpRequest, ref: str, payload: MeetingIn) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    agenda = None
    if payload.agenda is not None:
        agenda = [
            {
                "title": a.title,
                "minutes": a.minutes,
                "presenter": _person(a.presenter, "agenda"),
            }
            for a in payload.agenda
        ]
    meeting = services.meeting_schedule(
        actor=user,
        collaboration=collab,
        kind=payload.kind,
        title=payload.title,
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        place=payload.place,
        host=_person(payload.host, "host"),
        note_taker=_person(payload.note_taker, "note_taker"),
        decision_maker=_person(payload.decision_maker, "decision_maker"),
        attendees=[
            {"user": _person(a.username, "attendees"), "role": a.role} for a in payload.attendees
        ],
        agenda=agenda,
        note=payload.note,
    )
    return Status(201, _fresh(request, ref, meeting.pk))


@router.get(
    "/collaborations/{ref}/meetings/{pk}",
    response=MeetingOut,
    summary="A meeting with its agenda, minutes, confirmations and warnings",
)
def get_meeting(request: HttpRequest, ref: str, pk: int) -> Any:
    return _fresh(request, ref, pk)


@router.patch("/collaborations/{ref}/meetings/{pk}", response=MeetingOut, summary="Change")
def patch_meeting(request: HttpRequest, ref: str, pk: int, payload: MeetingPatch) -> Any:
    meeting = _meeting(request, ref, pk)
    changes = payload.dict(exclude_unset=True)
    for name in ("host", "note_taker", "decision_maker"):
        if name in changes:
            changes[name] = _person(changes[name], name)
    services.meeting_update(actor=user_of(request), meeting=meeting, **changes)
    return _fresh(request, ref, pk)


@router.post("/collaborations/{ref}/meetings/{pk}/cancel", response=MeetingOut, summary="Cancel")
def cancel(request: HttpRequest, ref: str, pk: int, payload: CancelIn) -> Any:
    services.meeting_cancel(
        actor=user_of(request), meeting=_meeting(request, ref, pk), reason=payload.reason
    )
    return _fresh(request, ref, pk)


class InviteIn(Schema):
    username: str = Field(..., examples=["rob"])
    department_id: int | None = None
    role: str = Field("", max_length=100)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/attendees",
    response={201: MeetingOut},
    summary="Invite one more person",
)
def add_attendee(request: HttpRequest, ref: str, pk: int, payload: InviteIn) -> Any:
    meeting = _meeting(request, ref, pk)
    department = None
    if payload.department_id is not None:
        department = Department.objects.filter(pk=payload.department_id, is_active=True).first()
        if department is None:
            raise DomainError(_("Choose an active department."), field="department_id")
    services.attendee_add(
        actor=user_of(request),
        meeting=meeting,
        user=_person(payload.username, "username"),
        department=department,
        role=payload.role,
    )
    return Status(201, _fresh(request, ref, pk))


@router.delete(
    "/collaborations/{ref}/meetings/{pk}/attendees/{username}",
    response=MeetingOut,
    summary="Take someone off the attendees",
)
def remove_attendee(request: HttpRequest, ref: str, pk: int, username: str) -> Any:
    services.attendee_remove(
        actor=user_of(request),
        meeting=_meeting(request, ref, pk),
        user=_person(username, "username"),
    )
    return _fresh(request, ref, pk)


@router.put(
    "/collaborations/{ref}/meetings/{pk}/agenda", response=MeetingOut, summary="Set the agenda"
)
def set_agenda(request: HttpRequest, ref: str, pk: int, payload: list[AgendaIn]) -> Any:
    items = [
        {"title": a.title, "minutes": a.minutes, "presenter": _person(a.presenter, "agenda")}
        for a in payload
    ]
    services.agenda_set(actor=user_of(request), meeting=_meeting(request, ref, pk), items=items)
    return _fresh(request, ref, pk)


@router.put(
    "/collaborations/{ref}/meetings/{pk}/agenda/{item}/key-points",
    response=MeetingOut,
    summary="Note the key points of an agenda item",
)
def key_points(request: HttpRequest, ref: str, pk: int, item: int, payload: TextIn) -> Any:
    meeting = _meeting(request, ref, pk)
    row = meeting.agenda.filter(pk=item).first()
    if row is None:
        raise DomainError(_("Not found."), code="not_found")
    services.key_points_note(actor=user_of(request), item=row, text=payload.text)
    return _fresh(request, ref, pk)


@router.put(
    "/collaborations/{ref}/meetings/{pk}/disagreements",
    response=MeetingOut,
    summary="Note the disagreements",
)
def disagreements(request: HttpRequest, ref: str, pk: int, payload: TextIn) -> Any:
    services.disagreements_note(
        actor=user_of(request), meeting=_meeting(request, ref, pk), text=payload.text
    )
    return _fresh(request, ref, pk)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/decisions",
    response={201: DecisionOut},
    summary="Record a decision or consensus",
)
def add_decision(request: HttpRequest, ref: str, pk: int, payload: DecisionIn) -> Any:
    d = services.decision_add(
        actor=user_of(request),
        meeting=_meeting(request, ref, pk),
        text=payload.text,
        kind=payload.kind,
    )
    return Status(201, _decision(d))


@router.delete(
    "/collaborations/{ref}/meetings/{pk}/decisions/{decision}",
    response={204: None},
    summary="Remove a decision",
)
def remove_decision(request: HttpRequest, ref: str, pk: int, decision: int) -> Any:
    meeting = _meeting(request, ref, pk)
    row = Decision.objects.filter(meeting=meeting, pk=decision).first()
    if row is None:
        raise DomainError(_("Not found."), code="not_found")
    services.decision_remove(actor=user_of(request), decision=row)
    return Status(204, None)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/actions",
    response={201: ActionOut},
    summary="Record an action item (it becomes a task when the minutes are published)",
)
def add_action(request: HttpRequest, ref: str, pk: int, payload: ActionIn) -> Any:
    item = services.action_add(
        actor=user_of(request),
        meeting=_meeting(request, ref, pk),
        description=payload.description,
        owner=_person(payload.owner, "owner"),
        due_on=payload.due_on,
        deliverable=payload.deliverable,
    )
    return Status(201, _action(item))


@router.delete(
    "/collaborations/{ref}/meetings/{pk}/actions/{action}",
    response={204: None},
    summary="Remove an action item (not once it is a task)",
)
def remove_action(request: HttpRequest, ref: str, pk: int, action: int) -> Any:
    meeting = _meeting(request, ref, pk)
    row = ActionItem.objects.filter(meeting=meeting, pk=action).first()
    if row is None:
        raise DomainError(_("Not found."), code="not_found")
    services.action_remove(actor=user_of(request), item=row)
    return Status(204, None)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/materials",
    response={201: MeetingOut},
    summary="Attach a material",
)
def add_material(request: HttpRequest, ref: str, pk: int, file: File[UploadedFile]) -> Any:
    services.material_add(actor=user_of(request), meeting=_meeting(request, ref, pk), file=file)
    return Status(201, _fresh(request, ref, pk))


def _material(request: HttpRequest, ref: str, pk: int, material: int) -> Material:
    row = Material.objects.filter(meeting=_meeting(request, ref, pk), pk=material).first()
    if row is None:
        raise DomainError(_("Not found."), code="not_found")
    return row


@router.get(
    "/collaborations/{ref}/meetings/{pk}/materials/{int:material}",
    summary="Download a material",
)
def get_material(request: HttpRequest, ref: str, pk: int, material: int) -> FileResponse:
    row = _material(request, ref, pk, material)
    try:
        handle = row.file.open("rb")
    except OSError:  # the file is gone from storage
        raise DomainError(_("Not found."), code="not_found") from None
    return FileResponse(handle, as_attachment=True, filename=row.name)


@router.delete(
    "/collaborations/{ref}/meetings/{pk}/materials/{int:material}",
    response=MeetingOut,
    summary="Remove a material",
)
def remove_material(request: HttpRequest, ref: str, pk: int, material: int) -> Any:
    services.material_remove(actor=user_of(request), material=_material(request, ref, pk, material))
    return _fresh(request, ref, pk)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/materials/send",
    response=MeetingOut,
    summary="Send the materials to the attendees",
)
def send_materials(request: HttpRequest, ref: str, pk: int) -> Any:
    services.materials_send(actor=user_of(request), meeting=_meeting(request, ref, pk))
    return _fresh(request, ref, pk)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/publish",
    response=MeetingOut,
    summary="Publish the minutes (action items become tasks once)",
)
def publish(request: HttpRequest, ref: str, pk: int) -> Any:
    services.minutes_publish(actor=user_of(request), meeting=_meeting(request, ref, pk))
    return _fresh(request, ref, pk)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/confirm",
    response=MeetingOut,
    summary="Confirm the minutes",
)
def confirm(request: HttpRequest, ref: str, pk: int) -> Any:
    services.minutes_confirm(actor=user_of(request), meeting=_meeting(request, ref, pk))
    return _fresh(request, ref, pk)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/object",
    response=MeetingOut,
    summary="Object to the minutes (the note-taker is told)",
)
def object_(request: HttpRequest, ref: str, pk: int, payload: TextIn) -> Any:
    services.minutes_object(
        actor=user_of(request), meeting=_meeting(request, ref, pk), text=payload.text
    )
    return _fresh(request, ref, pk)


@router.post(
    "/collaborations/{ref}/meetings/{pk}/split",
    response=SeriesOut,
    summary="Change a recurring meeting from this occurrence on",
)
def split(request: HttpRequest, ref: str, pk: int, payload: SplitIn) -> Any:
    series = recurrence.series_split(
        actor=user_of(request),
        meeting=_meeting(request, ref, pk),
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        place=payload.place,
        rrule=payload.rrule,
    )
    return _series(series)


@router.get("/collaborations/{ref}/meetings/{pk}/invitation.ics", summary="The .ics invitation")
def invitation(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    body = ics.calendar_of([meeting], lambda m: request.build_absolute_uri(m.get_absolute_url()))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@router.get(
    "/collaborations/{ref}/meetings/{pk}/minutes.{fmt}",
    summary="《会议纪要》 as .docx or PDF",
)
def minutes(request: HttpRequest, ref: str, pk: int, fmt: str) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    if fmt not in ("docx", "pdf"):
        raise DomainError(_("Unknown format."), code="not_found")
    return download(exports.minutes_doc(meeting), fmt)


def _series(series: Any, count: int | None = None) -> dict[str, Any]:
    return {
        "id": series.pk,
        "title": series.title,
        "rrule": series.rrule,
        "description": recurrence.describe(series),
        "dtstart": series.dtstart,
        "until": series.until,
        "meetings": series.meetings.count() if count is None else count,
    }


@router.post(
    "/collaborations/{ref}/meeting-series",
    response={201: list[SeriesOut]},
    summary="Recurring meetings from the communication plan's rows",
)
def series_from_plan(request: HttpRequest, ref: str, payload: SeriesIn) -> Any:
    user = user_of(request)
    collab = collaboration_for(user, ref)
    if payload.comm_item_id is not None:
        item = CommItem.objects.filter(pk=payload.comm_item_id, plan__collaboration=collab).first()
        if item is None:
            raise DomainError(_("Not found."), code="not_found")
        made = [recurrence.series_create(actor=user, comm_item=item)]
    else:
        made = recurrence.series_from_plan(actor=user, collaboration=collab)
    return Status(201, [_series(s) for s in made])


@router.get(
    "/collaborations/{ref}/meeting-series",
    response=list[SeriesOut],
    summary="The recurring meetings that are still running",
)
def list_series(request: HttpRequest, ref: str) -> Any:
    collab = collaboration_for(user_of(request), ref)
    rows = Series.objects.filter(collaboration=collab, until__isnull=True).annotate(
        count=Count("meetings")
    )
    return [_series(s, s.count) for s in rows]


@router.post(
    "/collaborations/{ref}/meeting-series/{series}/end",
    response=SeriesOut,
    summary="Stop a recurring meeting",
)
def end_series(request: HttpRequest, ref: str, series: int) -> Any:
    collab = collaboration_for(user_of(request), ref)
    row = Series.objects.filter(collaboration=collab, pk=series).first()
    if row is None:
        raise DomainError(_("Not found."), code="not_found")
    return _series(recurrence.series_end(actor=user_of(request), series=row))


class DecisionQuery(Schema):
    q: str = Field("", max_length=100)


@router.get(
    "/collaborations/{ref}/decisions",
    response=list[DecisionOut],
    summary="The decision log (published minutes), searchable",
)
def decision_log(request: HttpRequest, ref: str, query: Query[DecisionQuery]) -> Any:
    collab = collaboration_for(user_of(request), ref)
    return [_decision(d, d.meeting.title) for d in selectors.decision_log(collab, query.q)[:500]]
