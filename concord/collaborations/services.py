"""Writes to collaborations. Each function is one transaction and one event.

The approval engine decides; `outcomes.py` registers the hooks through
which its decisions reach `request_decide_outcome` here.
"""

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify
from concord.orgs.access import is_pmo
from concord.orgs.models import Department

from . import access, flows, lifecycle, numbering
from .inputs import RequestInput, input_from
from .lifecycle import State
from .models import (
    Attachment,
    Collaboration,
    CoreProblem,
    KeyDate,
    ParticipatingDepartment,
    Request,
    Role,
    SuggestedDepartment,
    TeamMember,
    snapshot,
)
from .validation import check_complete, check_shape, raise_if

# Any user; None is the system. Kept loose because services read `.person`.
Actor = Any

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def _lock(collab: Collaboration) -> Collaboration:
    row = Collaboration.objects.select_for_update().filter(pk=collab.pk).first()
    if row is None:
        raise not_found()
    return row


def _request_snapshot(collab: Collaboration) -> dict[str, Any]:
    data = input_from(collab)
    return {
        **snapshot(collab),
        "background": data.background,
        "goals": data.goals,
        "start_on": data.start_on,
        "end_on": data.end_on,
        "budget": data.budget,
        "suggested": [row.department.pk for row in data.suggested],
        "key_dates": [[row.text, row.on] for row in data.key_dates],
        "core_problems": [[row.text, row.on] for row in data.core_problems],
    }


def _write_request(collab: Collaboration, data: RequestInput) -> None:
    """Store the form's values and replace its rows (the form always sends them all)."""
    collab.kind = data.kind
    collab.name = data.name.strip()
    collab.importance = data.importance
    collab.confidential = data.confidential
    collab.save()
    req, _created = Request.objects.get_or_create(collaboration=collab)
    for name in (
        "contact_phone",
        "contact_email",
        "background",
        "goals",
        "risks",
        "equipment",
        "phenomenon",
        "root_cause",
        "impact",
        "prior_communication",
    ):
        setattr(req, name, getattr(data, name).strip())
    req.start_on, req.end_on = data.start_on, data.end_on
    req.people_count, req.budget = data.people_count, data.budget
    req.save()
    req.attributed_departments.set(data.attributed_departments)
    collab.suggested_departments.all().delete()
    for row in data.suggested:
        suggested = SuggestedDepartment.objects.create(
            collaboration=collab, department=row.department
        )
        suggested.people.set(row.people)
    collab.key_dates.all().delete()
    KeyDate.objects.bulk_create(
        KeyDate(collaboration=collab, label=r.text.strip(), on=r.on)
        for r in data.key_dates
        if r.on is not None
    )
    collab.core_problems.all().delete()
    CoreProblem.objects.bulk_create(
        CoreProblem(collaboration=collab, description=r.text.strip(), due_on=r.on)
        for r in data.core_problems
        if r.on is not None
    )


@transaction.atomic
def request_create(*, actor: Actor, data: RequestInput) -> Collaboration:
    """Save a new draft request of the actor's department; it gets its number at submit."""
    if actor is None or not actor.has_perm("collaborations.create"):
        raise access.forbidden()
    raise_if(check_shape(data))
    collab = Collaboration(
        kind=data.kind,
        name=data.name.strip(),
        initiator=actor,
        department=actor.person.department,
    )
    collab.save()
    _write_request(collab, data)
    event_record(
        actor=actor, verb="request.created", subject=collab, after=_request_snapshot(collab)
    )
    return collab


@transaction.atomic
def request_update(
    *, actor: Actor, collaboration: Collaboration, data: RequestInput
) -> Collaboration:
    """Change a draft or returned request; only its initiator may."""
    collab = _lock(collaboration)
    access.require(actor, collab, "update")
    lifecycle.check(collab.state, "update")
    raise_if(check_shape(data))
    before = _request_snapshot(collab)
    _write_request(collab, data)
    event_record(
        actor=actor,
        verb="request.updated",
        subject=collab,
        before=before,
        after=_request_snapshot(collab),
    )
    return collab


@transaction.atomic
def request_submit(*, actor: Actor, collaboration: Collaboration) -> Collaboration:
    """Send the request for approval: check it is complete, number it, start the chain.

    A request returned for revision starts a new round of the chain.
    """
    collab = _lock(collaboration)
    access.require(actor, collab, "submit")
    target = lifecycle.check(collab.state, "submit")
    raise_if(check_complete(input_from(collab)))
    before = snapshot(collab)
    if not collab.number:
        collab.number = numbering.next_number()
    collab.state = target or collab.state
    collab.submitted_at = timezone.now()
    collab.save(update_fields=["number", "state", "submitted_at", "updated_at"])
    flows.start_review(actor=actor, collab=collab)
    event_record(
        actor=actor, verb="request.submitted", subject=collab, before=before, after=snapshot(collab)
    )
    return collab


@transaction.atomic
def request_withdraw(*, actor: Actor, collaboration: Collaboration) -> Collaboration:
    """Withdraw the request before the final decision (or give it up after a return)."""
    collab = _lock(collaboration)
    access.require(actor, collab, "withdraw")
    target = lifecycle.check(collab.state, "withdraw")
    before = snapshot(collab)
    if collab.state == State.IN_REVIEW:
        flows.withdraw_review(actor=actor, collab=collab)
    collab.state = target or collab.state
    collab.save(update_fields=["state", "updated_at"])
    event_record(
        actor=actor, verb="request.withdrawn", subject=collab, before=before, after=snapshot(collab)
    )
    return collab


@transaction.atomic
def collaboration_terminate(
    *, actor: Actor, collaboration: Collaboration, reason: str
) -> Collaboration:
    """End an established collaboration early (the PMO or its initiator), with a reason."""
    collab = _lock(collaboration)
    access.require(actor, collab, "terminate")
    target = lifecycle.check(collab.state, "terminate")
    if not reason.strip():
        raise DomainError(_("Reason: say why the collaboration ends."), field="reason")
    before = snapshot(collab)
    collab.state = target or collab.state
    collab.closed_reason = reason.strip()
    collab.save(update_fields=["state", "closed_reason", "updated_at"])
    event = event_record(
        actor=actor,
        verb="collaboration.terminated",
        subject=collab,
        before=before,
        after=snapshot(collab),
        note=collab.closed_reason,
    )
    notify(
        recipients=[m.user for m in collab.team.select_related("user")],
        kind="collaborations.terminated",
        subject=collab,
        params={"number": collab.number, "name": collab.name, "reason": collab.closed_reason},
        url=collab.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return collab


# --- The approval outcome (called by the engine's hooks, see outcomes.py) ---


def _establish_team(collab: Collaboration) -> list[Department]:
    """Create the team and the departments taking part; return the suggested departments."""
    head = collab.department.head
    TeamMember.objects.create(
        collaboration=collab,
        user=collab.initiator,
        role=Role.INITIATOR,
        department=collab.department,
    )
    if head is not None:
        TeamMember.objects.create(
            collaboration=collab, user=head, role=Role.INITIATING_HEAD, department=collab.department
        )
    # The initiator speaks for the initiating department until its head names
    # someone else, and the department leads (牵头) until another is chosen.
    ParticipatingDepartment.objects.create(
        collaboration=collab,
        department=collab.department,
        is_initiating=True,
        is_lead=True,
        contact=collab.initiator,
    )
    TeamMember.objects.create(
        collaboration=collab, user=collab.initiator, role=Role.CONTACT, department=collab.department
    )
    suggested = [
        s.department
        for s in collab.suggested_departments.select_related("department__head")
        if s.department_id != collab.department_id
    ]
    ParticipatingDepartment.objects.bulk_create(
        ParticipatingDepartment(collaboration=collab, department=d) for d in suggested
    )
    return suggested


_OUTCOME_VERBS = {
    "approve": "request.approved",
    "return": "request.returned",
    "reject": "request.rejected",
}


@transaction.atomic
def request_decide_outcome(
    *, actor: Actor, collaboration: Collaboration, outcome: str, feedback: str = ""
) -> Collaboration:
    """Carry out the approval chain's final word: establish (立项), return or reject.

    Only the engine's hooks call this, inside the decision's transaction;
    the actor is the approver whose decision ended the round. The engine
    already tells the initiator of the decision (with the feedback), so
    only the suggested departments' heads are notified here, to name
    their contacts.
    """
    collab = _lock(collaboration)
    target = lifecycle.check(collab.state, outcome)
    before = snapshot(collab)
    collab.state = target or collab.state
    suggested: list[Department] = []
    if outcome == "approve":
        collab.established_at = timezone.now()
        suggested = _establish_team(collab)
    collab.save(update_fields=["state", "established_at", "updated_at"])
    event = event_record(
        actor=actor,
        verb=_OUTCOME_VERBS[outcome],
        subject=collab,
        before=before,
        after=snapshot(collab),
        note=feedback,
    )
    params = {"number": collab.number, "name": collab.name, "feedback": feedback}
    url = collab.get_absolute_url()
    for dept in suggested:
        notify(
            recipients=[dept.head],
            kind="collaborations.name_contact",
            subject=collab,
            params={**params, "department": dept.name},
            url=f"{url}#departments",
            actor=actor,
            event=event,
        )
    return collab


# --- Team --------------------------------------------------------------------


@transaction.atomic
def contact_nominate(
    *, actor: Actor, collaboration: Collaboration, department: Department, person: Any
) -> ParticipatingDepartment:
    """Name `person` (a user of that department) the department's contact (对接人).

    The department's head, the head's deputy today, or the PMO may; naming
    someone else later replaces the contact.
    """
    collab = _lock(collaboration)
    roles = access.roles_of(actor, collab)
    if not lifecycle.may("nominate", roles):
        raise access.forbidden()
    lifecycle.check(collab.state, "nominate")
    row = (
        # Only this row is locked; the department and its head are just read.
        ParticipatingDepartment.objects.select_for_update(of=("self",))
        .select_related("department__head")
        .filter(collaboration=collab, department=department)
        .first()
    )
    if row is None:
        raise DomainError(
            _("Department: “%(dept)s” does not take part in this collaboration.")
            % {"dept": department.name},
            field="department",
        )
    if "pmo" not in roles and not access.speaks_for_head(actor, row.department):
        raise access.forbidden()
    member = getattr(person, "person", None)
    if member is None or member.department_id != department.pk or not person.is_active:
        raise DomainError(
            _("Contact: the person must be an active member of “%(dept)s”.")
            % {"dept": department.name},
            field="person",
        )
    before = {"department": department.pk, "contact": row.contact_id}
    TeamMember.objects.filter(
        collaboration=collab, role=Role.CONTACT, department=department
    ).delete()
    TeamMember.objects.create(
        collaboration=collab, user=person, role=Role.CONTACT, department=department
    )
    row.contact = person
    row.save(update_fields=["contact"])
    event = event_record(
        actor=actor,
        verb="collaboration.contact_nominated",
        subject=row,
        scope=collab,
        before=before,
        after={"department": department.pk, "contact": person.pk},
    )
    notify(
        recipients=[person],
        kind="collaborations.contact_named",
        subject=collab,
        params={"number": collab.number, "name": collab.name, "department": department.name},
        url=collab.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return row


# --- Attachments -------------------------------------------------------------


@transaction.atomic
def attachment_add(*, actor: Actor, collaboration: Collaboration, file: UploadedFile) -> Attachment:
    """Attach a file (at most 20 MB) to the request."""
    collab = _lock(collaboration)
    access.require(actor, collab, "attach")
    lifecycle.check(collab.state, "attach")
    size = file.size or 0
    if size > MAX_ATTACHMENT_BYTES:
        raise DomainError(
            _("Attachment: “%(name)s” is larger than %(limit)d MB.")
            % {"name": file.name, "limit": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            field="file",
        )
    if size == 0:
        raise DomainError(_("Attachment: the file is empty."), field="file")
    original = (file.name or "file").replace("\\", "/").rsplit("/", 1)[-1][:200]
    attachment = Attachment(
        collaboration=collab,
        name=original,
        size=size,
        content_type=(getattr(file, "content_type", "") or "")[:100],
        uploaded_by=actor,
    )
    suffix = original.rsplit(".", 1)[-1][:10] if "." in original else "bin"
    attachment.file.save(f"{timezone.now():%Y%m%d%H%M%S%f}.{suffix}", file, save=False)
    attachment.save()
    event_record(
        actor=actor,
        verb="collaboration.attachment_added",
        subject=attachment,
        scope=collab,
        after={"name": attachment.name, "size": size},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor: Actor, attachment: Attachment) -> None:
    """Remove an attachment: its uploader, the initiator or the PMO, while files may change."""
    collab = _lock(attachment.collaboration)
    row = Attachment.objects.select_for_update().filter(pk=attachment.pk).first()
    if row is None:
        raise not_found()
    lifecycle.check(collab.state, "attach")
    user_pk = getattr(actor, "pk", None)
    if not (user_pk in (row.uploaded_by_id, collab.initiator_id) or is_pmo(actor)):
        raise access.forbidden()
    event_record(
        actor=actor,
        verb="collaboration.attachment_removed",
        subject=row,
        scope=collab,
        before={"name": row.name, "size": row.size},
    )
    stored = row.file.name
    storage = row.file.storage
    row.delete()
    # The file goes only once the removal has committed.
    transaction.on_commit(lambda: storage.delete(stored))


# The team's services live in their own module; they are this app's
# services all the same, so callers import them from here.
from .team_services import (  # noqa: E402
    department_add,
    department_set_lead,
    member_add,
    member_ensure,
    member_remove,
    team_set_lead,
    team_set_sponsor,
)

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "attachment_add",
    "attachment_remove",
    "collaboration_terminate",
    "contact_nominate",
    "department_add",
    "department_set_lead",
    "member_add",
    "member_ensure",
    "member_remove",
    "request_create",
    "request_decide_outcome",
    "request_submit",
    "request_update",
    "request_withdraw",
    "team_set_lead",
    "team_set_sponsor",
]
