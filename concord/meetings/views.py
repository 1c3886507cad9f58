"""Pages of meetings: lists, the meeting room (htmx), minutes, the decision log, downloads.

Thin: every change goes through `services`; a `DomainError` is shown as a
form error or a message, never a 500.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.collaborations.access import collaboration_for
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.knowledge.forms import download, t
from concord.knowledge.naming import content_disposition, document_name
from concord.lib.errors import DomainError
from concord.lib.web import or_404, show_errors

from . import access, exports, forms, ics, recurrence, selectors, services
from .models import ActionItem, AgendaItem, Decision, Kind, Material, Meeting, Series, Status


def _collab(request: HttpRequest, ref: str) -> Collaboration:
    return or_404(collaboration_for, request.user, ref)


def _meeting(request: HttpRequest, ref: str, pk: int) -> Meeting:
    return or_404(access.meeting_for, request.user, ref, pk)


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


# ------------------------------------------------------------------ lists


@login_required
@require_GET
def my_meetings(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.my_meetings(request.user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/my_meetings.html",
        {
            "page": page,
            "now": timezone.now(),
            "owed": selectors.minutes_owed(request.user),
            "to_confirm": selectors.awaiting_my_confirmation(request.user),
        },
    )


@login_required
@require_GET
def my_calendar(request: HttpRequest) -> HttpResponse:
    """The caller's upcoming meetings as one .ics file."""
    meetings = list(selectors.upcoming_for(request.user)[:200])
    body = ics.calendar_of(meetings, lambda m: request.build_absolute_uri(m.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition("meetings.ics")
    return response


@login_required
@require_GET
def meeting_list(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    page = Paginator(selectors.meetings_of(collab), 50).get_page(request.GET.get("page"))
    can_schedule = access.may_schedule(request.user, collab) and collab.state in (
        "approved",
        "executing",
    )
    return render(
        request,
        "meetings/list.html",
        {
            "collab": collab,
            "page": page,
            "can_schedule": can_schedule,
            "now": timezone.now(),
            "series": list(Series.objects.filter(collaboration=collab, until__isnull=True)),
        },
    )


def _initial(request: HttpRequest, collab: Collaboration) -> dict[str, Any]:
    kind = request.GET.get("kind") or Kind.COORDINATION
    if kind not in Kind.values:
        kind = Kind.COORDINATION
    lead = lead_of(collab) or request.user
    initial: dict[str, Any] = {
        "kind": kind,
        "host": lead,
        "note_taker": request.user,
        "duration_minutes": 60 if kind != Kind.WEEKLY else 30,
    }
    if kind == Kind.KICKOFF:
        initial["title"] = t(f"{collab.name}启动会", f"Kickoff meeting of {collab.name}")
        initial["attendees"] = list(
            get_user_model().objects.filter(collaboration_roles__collaboration=collab).distinct()
        )
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    if not access.may_schedule(request.user, collab):
        messages.error(request, _("You are not allowed to do this."))
        return redirect("meetings:list", ref=collab.ref)
    form = forms.MeetingForm(request.POST or None, collab=collab, initial=_initial(request, collab))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_schedule(
                actor=request.user,
                collaboration=collab,
                kind=data["kind"],
                title=data["title"],
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                host=data["host"],
                note_taker=data["note_taker"],
                decision_maker=data["decision_maker"],
                attendees=list(data["attendees"]),
                place=data["place"],
                note=data["note"],
            )
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The meeting was scheduled and the attendees invited."))
            for warning in selectors.warnings(meeting):
                messages.warning(request, warning)
            return redirect(meeting.get_absolute_url())
    return render(request, "meetings/form.html", {"collab": collab, "form": form, "meeting": None})


@login_required
@require_POST
def series_from_plan(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    try:
        made = recurrence.series_from_plan(actor=request.user, collaboration=collab)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        if made:
            messages.success(
                request,
                _("%(count)s recurring meeting(s) made from the communication plan.")
                % {"count": len(made)},
            )
        else:
            messages.info(
                request, _("Every recurring row of the communication plan has its meetings.")
            )
    return redirect("meetings:list", ref=collab.ref)


@login_required
@require_POST
def series_end(request: HttpRequest, ref: str, series: int) -> HttpResponse:
    collab = _collab(request, ref)
    row = Series.objects.filter(collaboration=collab, pk=series).first()
    if row is None:
        raise Http404
    try:
        recurrence.series_end(actor=request.user, series=row)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The recurring meeting was stopped."))
    return redirect("meetings:list", ref=collab.ref)


@login_required
@require_GET
def decision_log(request: HttpRequest, ref: str) -> HttpResponse:
    collab = _collab(request, ref)
    q = request.GET.get("q", "")[:100]
    page = Paginator(selectors.decision_log(collab, q), 50).get_page(request.GET.get("page"))
    return render(request, "meetings/decisions.html", {"collab": collab, "page": page, "q": q})


# ------------------------------------------------------------------ the room


def _room_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    user = request.user
    can_run = access.may_run(user, meeting)
    room = selectors.room(meeting)
    mine = next((a for a in room["attendees"] if a.user_id == user.pk), None)
    return {
        "collab": meeting.collaboration,
        "meeting": meeting,
        "can_run": can_run and meeting.status != Status.CANCELLED,
        "editing": can_run and meeting.status != Status.CANCELLED,
        "mine": mine,
        "warnings": selectors.warnings(meeting),
        "overdue": selectors.minutes_overdue(meeting),
        "decision_form": forms.DecisionForm(),
        "action_form": forms.ActionForm(collab=meeting.collaboration),
        "objection_form": forms.ObjectionForm(),
        "material_form": forms.MaterialForm(),
        "attendee_form": forms.AttendeeForm(collab=meeting.collaboration),
        "people": list(forms.people_of(meeting.collaboration)),
        "started": meeting.starts_at <= timezone.now(),
        "window_open": bool(meeting.confirm_by and timezone.now() <= meeting.confirm_by),
        **room,
    }


@login_required
@require_GET
def meeting_detail(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    return render(request, "meetings/detail.html", _room_context(request, meeting))


def _partial(request: HttpRequest, meeting: Meeting, template: str, **extra: Any) -> HttpResponse:
    context = _room_context(request, meeting)
    context.update(extra)
    return render(request, template, context)


def _back(request: HttpRequest, meeting: Meeting, anchor: str = "") -> HttpResponse:
    return redirect(meeting.get_absolute_url() + anchor)


def _refresh(meeting: Meeting) -> Meeting:
    fresh = Meeting.objects.select_related(
        "host__person", "note_taker__person", "decision_maker__person", "series"
    ).get(pk=meeting.pk)
    fresh.collaboration = meeting.collaboration
    return fresh


@login_required
@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    if request.method == "GET":  # attendees following along refresh the list
        return _partial(request, meeting, "meetings/partials/decisions.html")
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as exc:
            show_errors(form, exc)
        else:
            form = forms.DecisionForm()
    if _is_htmx(request):
        return _partial(request, meeting, "meetings/partials/decisions.html", decision_form=form)
    if form.errors:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return _back(request, meeting, "#decisions")


@login_required
@require_POST
def decision_remove(request: HttpRequest, ref: str, pk: int, decision: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    row = Decision.objects.filter(meeting=meeting, pk=decision).first()
    if row is None:
        raise Http404
    try:
        services.decision_remove(actor=request.user, decision=row)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    if _is_htmx(request):
        return _partial(request, meeting, "meetings/partials/decisions.html")
    return _back(request, meeting, "#decisions")


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    if request.method == "GET":
        return _partial(request, meeting, "meetings/partials/actions.html")
    form = forms.ActionForm(request.POST, collab=meeting.collaboration)
    if form.is_valid():
        try:
            services.action_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as exc:
            show_errors(form, exc)
        else:
            form = forms.ActionForm(collab=meeting.collaboration)
    if _is_htmx(request):
        return _partial(request, meeting, "meetings/partials/actions.html", action_form=form)
    if form.errors:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return _back(request, meeting, "#actions")


@login_required
@require_POST
def action_remove(request: HttpRequest, ref: str, pk: int, action: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    row = ActionItem.objects.filter(meeting=meeting, pk=action).first()
    if row is None:
        raise Http404
    try:
        services.action_remove(actor=request.user, item=row)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    if _is_htmx(request):
        return _partial(request, meeting, "meetings/partials/actions.html")
    return _back(request, meeting, "#actions")


@login_required
@require_POST
def key_points(request: HttpRequest, ref: str, pk: int, item: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    row = AgendaItem.objects.filter(meeting=meeting, pk=item).first()
    if row is None:
        raise Http404
    error = ""
    try:
        row = services.key_points_note(
            actor=request.user, item=row, text=request.POST.get("key_points", "")[:20000]
        )
    except DomainError as exc:
        error = str(exc.message)
    if _is_htmx(request):
        return render(
            request,
            "meetings/partials/saved.html",
            {"error": error, "saved_at": timezone.now()},
        )
    if error:
        messages.error(request, error)
    return _back(request, meeting, "#agenda")


@login_required
@require_POST
def disagreements(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    error = ""
    try:
        services.disagreements_note(
            actor=request.user, meeting=meeting, text=request.POST.get("disagreements", "")[:20000]
        )
    except DomainError as exc:
        error = str(exc.message)
    if _is_htmx(request):
        return render(
            request, "meetings/partials/saved.html", {"error": error, "saved_at": timezone.now()}
        )
    if error:
        messages.error(request, error)
    return _back(request, meeting, "#disagreements")


@login_required
@require_POST
def agenda_edit(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    titles = request.POST.getlist("title")
    minutes = request.POST.getlist("minutes")
    presenters = request.POST.getlist("presenter")
    people = {str(u.pk): u for u in forms.people_of(meeting.collaboration)}
    rows = []
    for i, title in enumerate(titles[:50]):
        if not title.strip():
            continue
        box = minutes[i] if i < len(minutes) else "0"
        who = presenters[i] if i < len(presenters) else ""
        rows.append(
            {
                "title": title,
                "minutes": box if box.strip().isdigit() else -1,
                "presenter": people.get(who),
            }
        )
    try:
        services.agenda_set(actor=request.user, meeting=meeting, items=rows)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The agenda was saved."))
    return _back(request, meeting, "#agenda")


@login_required
@require_POST
def publish(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    try:
        meeting = services.minutes_publish(actor=request.user, meeting=meeting)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(
            request,
            _("The minutes were published; their action items are on the board."),
        )
    return _back(request, meeting)


@login_required
@require_POST
def confirm(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    try:
        services.minutes_confirm(actor=request.user, meeting=meeting)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("You confirmed the minutes."))
    return _back(request, meeting, "#confirmations")


@login_required
@require_POST
def object_(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    form = forms.ObjectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what is wrong in the minutes."))
        return _back(request, meeting, "#confirmations")
    try:
        services.minutes_object(actor=request.user, meeting=meeting, text=form.cleaned_data["text"])
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Your objection was sent to the note-taker."))
    return _back(request, meeting, "#confirmations")


# ---------------------------------------------------------- change, cancel


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    collab = meeting.collaboration
    if not access.may_run(request.user, meeting):
        messages.error(request, _("You are not allowed to do this."))
        return _back(request, meeting)
    initial = {
        "title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at),
        "duration_minutes": meeting.duration_minutes,
        "place": meeting.place,
        "host": meeting.host,
        "note_taker": meeting.note_taker,
        "decision_maker": meeting.decision_maker,
        "note": meeting.note,
    }
    form = forms.MeetingEditForm(request.POST or None, collab=collab, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        following = data.pop("following", False)
        try:
            if following and meeting.series_id:
                recurrence.series_split(
                    actor=request.user,
                    meeting=meeting,
                    starts_at=data["starts_at"],
                    duration_minutes=data["duration_minutes"],
                    place=data["place"],
                )
                messages.success(request, _("The meeting and the following ones were changed."))
                return redirect("meetings:list", ref=collab.ref)
            services.meeting_update(actor=request.user, meeting=meeting, **data)
        except DomainError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The meeting was changed."))
            return _back(request, meeting)
    return render(
        request, "meetings/form.html", {"collab": collab, "form": form, "meeting": meeting}
    )


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    try:
        services.meeting_cancel(
            actor=request.user, meeting=meeting, reason=request.POST.get("reason", "")[:2000]
        )
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The meeting was cancelled."))
    return _back(request, meeting)


@login_required
@require_POST
def attendee_add(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    form = forms.AttendeeForm(request.POST, collab=meeting.collaboration)
    if not form.is_valid():
        messages.error(request, _("Choose a person."))
        return _back(request, meeting, "#attendees")
    try:
        services.attendee_add(actor=request.user, meeting=meeting, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return _back(request, meeting, "#attendees")


@login_required
@require_POST
def attendee_remove(request: HttpRequest, ref: str, pk: int, user: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    row = meeting.attendees.select_related("user").filter(user_id=user).first()
    if row is None:
        raise Http404
    try:
        services.attendee_remove(actor=request.user, meeting=meeting, user=row.user)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return _back(request, meeting, "#attendees")


# -------------------------------------------------------------- materials


@login_required
@require_POST
def material_add(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    form = forms.MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file."))
        return _back(request, meeting, "#materials")
    try:
        services.material_add(actor=request.user, meeting=meeting, file=form.cleaned_data["file"])
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return _back(request, meeting, "#materials")


@login_required
@require_POST
def material_remove(request: HttpRequest, ref: str, pk: int, material: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    row = Material.objects.filter(meeting=meeting, pk=material).first()
    if row is None:
        raise Http404
    try:
        services.material_remove(actor=request.user, material=row)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return _back(request, meeting, "#materials")


@login_required
@require_GET
def material_download(request: HttpRequest, ref: str, pk: int, material: int) -> FileResponse:
    meeting = _meeting(request, ref, pk)
    row = Material.objects.filter(meeting=meeting, pk=material).first()
    if row is None:
        raise Http404
    try:
        handle = row.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=row.name)


@login_required
@require_POST
def materials_send(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    try:
        services.materials_send(actor=request.user, meeting=meeting)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The materials were sent to the attendees."))
    return _back(request, meeting, "#materials")


# -------------------------------------------------------------- downloads


@login_required
@require_GET
def invitation(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    body = ics.calendar_of([meeting], lambda m: request.build_absolute_uri(m.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = document_name(
        meeting.collaboration.name,
        timezone.localtime(meeting.starts_at).date(),
        _("Meeting invitation"),
        "ics",
    )
    response["Content-Disposition"] = content_disposition(name)
    return response


@login_required
@require_GET
def minutes_export(request: HttpRequest, ref: str, pk: int, fmt: str) -> HttpResponse:
    meeting = _meeting(request, ref, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    return download(exports.minutes_doc(meeting), fmt)


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.collaboration.ref, meeting.pk])
