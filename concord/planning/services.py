"""Writes of planning: drafts, rows, the RACI matrix, sign-off and its outcome.

Every change goes to the collaboration's one open version (a draft); a
version in sign-off, in effect or superseded is never edited. Locking
order, everywhere: the collaboration, then the plan's open version.
"""

from datetime import date
from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from concord.activity.services import event_record
from concord.approvals.chains import StepSpec
from concord.approvals.models import StepMode
from concord.approvals.services import flow_start
from concord.collaborations import lifecycle
from concord.collaborations.models import Collaboration, Kind
from concord.collaborations.selectors import department_heads_of, lead_of, stakeholders_of
from concord.lib import workcal
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify

from . import access, kinds
from .building import copy_version, fill_from_request
from .diff import compare, summary_lines
from .models import (
    Deliverable,
    Goal,
    Letter,
    Milestone,
    Plan,
    PlanVersion,
    RaciCell,
    Resource,
    VersionState,
    WbsItem,
)
from .outcomes import PURPOSE
from .validation import submit_problems

Actor = Any

# Stored in English on the step and translated when shown (`approval_label`).
# Translators: 部门负责人会签 — every participating department head signs.
SIGNOFF_LABEL = gettext_noop("Department heads sign")

#: The rows a version has, and the fields a client may set on each.
SECTIONS: dict[str, tuple[type[models.Model], tuple[str, ...]]] = {
    "goals": (Goal, ("text", "measure", "target_on")),
    "resources": (Resource, ("name", "department", "amount", "period")),
    "milestones": (Milestone, ("name", "due_on", "deliverable")),
    "wbs": (
        WbsItem,
        (
            "parent",
            "title",
            "owner_department",
            "owner",
            "duration_days",
            "starts_on",
            "ends_on",
            "deliverable",
            "duty",
            "standard",
        ),
    ),
    "deliverables": (Deliverable, ("name", "owner_department", "standard", "duty")),
}
CHARTER_FIELDS = (
    "summary",
    "scope_in",
    "scope_out",
    "starts_on",
    "ends_on",
    "budget",
    "root_cause",
    "outcome",
)


def _lock_collab(collab: Collaboration) -> Collaboration:
    locked = Collaboration.objects.select_for_update().filter(pk=collab.pk).first()
    if locked is None:
        raise not_found()
    return locked


def _open_version(collab: Collaboration, *, state: str = VersionState.DRAFT) -> PlanVersion:
    version = (
        PlanVersion.objects.select_for_update()
        .filter(plan__collaboration=collab, state=state)
        .first()
    )
    if version is None:
        if state == VersionState.DRAFT:
            raise DomainError(
                _("There is no draft of the plan to change; start a new version first."),
                code="conflict",
            )
        raise DomainError(_("No plan version is in sign-off."), code="conflict")
    return version


def _charter(version: PlanVersion) -> dict[str, Any]:
    return {name: getattr(version, name) for name in CHARTER_FIELDS} | {
        "number": version.number,
        "state": version.state,
    }


def _invalid(exc: ValidationError) -> DomainError:
    details = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    first = next(iter(details.values()))[0]
    return DomainError(first, code="invalid", details=cast(Any, details))


@transaction.atomic
def plan_draft(*, actor: Actor, collaboration: Collaboration) -> PlanVersion:
    """Start the plan's next version: built from the request, or a copy of the one in force."""
    collab = _lock_collab(collaboration)
    access.require_manage(actor, collab)
    plan, _created = Plan.objects.get_or_create(collaboration=collab)
    versions = PlanVersion.objects.select_for_update().filter(plan=plan)
    if versions.filter(state__in=[VersionState.DRAFT, VersionState.IN_SIGNOFF]).exists():
        raise DomainError(_("A version of the plan is already being worked on."), code="conflict")
    effective = versions.filter(state=VersionState.EFFECTIVE).first()
    number = (versions.aggregate(m=models.Max("number"))["m"] or 0) + 1
    version = PlanVersion.objects.create(plan=plan, number=number, created_by=actor)
    if effective is None:
        fill_from_request(version, collab)
    else:
        copy_version(effective, version)
    event_record(
        actor=actor,
        verb="plan.drafted",
        subject=version,
        after={"number": number, "from_version": effective.number if effective else None},
        scope=collab,
    )
    return version


@transaction.atomic
def plan_update(*, actor: Actor, collaboration: Collaboration, data: dict[str, Any]) -> PlanVersion:
    """Change the charter fields of the draft (only the keys given)."""
    collab = _lock_collab(collaboration)
    access.require_manage(actor, collab)
    version = _open_version(collab)
    before = _charter(version)
    for name in CHARTER_FIELDS:
        if name in data:
            value = data[name]
            setattr(version, name, value if value is not None or name in _NULLABLE else "")
    if version.starts_on and version.ends_on and version.ends_on < version.starts_on:
        raise DomainError(_("The end is before the start."), field="ends_on")
    try:
        version.full_clean()
    except ValidationError as exc:
        raise _invalid(exc) from None
    version.save()
    event_record(
        actor=actor,
        verb="plan.changed",
        subject=version,
        before=before,
        after=_charter(version),
        scope=collab,
    )
    return version


_NULLABLE = {"starts_on", "ends_on", "budget"}


def _item(version: PlanVersion, section: str, item_id: int) -> models.Model:
    model, _fields = SECTIONS[section]
    item = model.objects.select_for_update().filter(version=version, pk=item_id).first()  # type: ignore[attr-defined]
    if item is None:
        raise not_found()
    return item


def _snapshot(item: models.Model, fields: tuple[str, ...]) -> dict[str, Any]:
    return {
        name: getattr(item, f"{name}_id")
        if isinstance(item._meta.get_field(name), models.ForeignKey)
        else getattr(item, name)
        for name in fields
    }


def _check_parent(version: PlanVersion, item: WbsItem) -> None:
    if item.parent_id is None:
        return
    parents = dict(WbsItem.objects.filter(version=version).values_list("pk", "parent_id"))
    if item.parent_id not in parents:
        raise DomainError(_("Choose a parent task of this plan."), field="parent")
    seen: set[int] = set()
    current: int | None = item.parent_id
    while current is not None:
        if current == item.pk or current in seen:
            raise DomainError(_("A task cannot be placed under itself."), field="parent")
        seen.add(current)
        current = parents.get(current)


def wbs_end(starts_on: date, duration_days: int) -> date:
    """Return the end of a task of `duration_days` working days starting on `starts_on`.

    The convention: the start day is working day 1, so the end is the Nth
    working day counting the start day (a 1-day task ends the day it
    starts). A start on a day off counts from the next working day; a
    duration of 0 ends on the start day (a checkpoint, no work). Days off
    and make-up working days (调休) come from `concord.lib.workcal`.
    """
    if duration_days <= 0:
        return starts_on
    cal = workcal.calendar()
    day = starts_on if cal.is_working_day(starts_on) else cal.next_working_day(starts_on)
    for _i in range(duration_days - 1):
        day = cal.next_working_day(day)
    return day


def _schedule(item: WbsItem) -> None:
    """Fill in the end from the start and the duration, or refuse an end that disagrees."""
    if item.starts_on is None or item.duration_days is None:
        return
    expected = wbs_end(item.starts_on, item.duration_days)
    if item.ends_on is None:
        item.ends_on = expected
        return
    if item.ends_on != expected:
        message = _(
            "The end %(end)s does not match %(n)s working days from %(start)s, which end on "
            "%(expected)s: change the end or the duration, or leave the end empty."
        ) % {
            "end": item.ends_on.isoformat(),
            "n": item.duration_days,
            "start": item.starts_on.isoformat(),
            "expected": expected.isoformat(),
        }
        raise DomainError(
            message,
            field="ends_on",
            details={"ends_on": [message], "duration_days": [message]},
        )


@transaction.atomic
def plan_item_save(
    *,
    actor: Actor,
    collaboration: Collaboration,
    section: str,
    data: dict[str, Any],
    item_id: int | None = None,
) -> models.Model:
    """Add a row to a section of the draft (goals, resources, milestones, wbs, deliverables),
    or change the row `item_id`. Foreign keys are given as ids."""
    if section not in SECTIONS:
        raise DomainError(_("Unknown section of the plan."), field="section")
    collab = _lock_collab(collaboration)
    access.require_manage(actor, collab)
    version = _open_version(collab)
    model, fields = SECTIONS[section]
    if item_id is None:
        item = model(version=version)
        last = model.objects.filter(version=version).aggregate(m=models.Max("position"))["m"]  # type: ignore[attr-defined]
        item.position = (last or 0) + 1  # type: ignore[attr-defined]
        before: dict[str, Any] = {}
    else:
        item = _item(version, section, item_id)
        before = _snapshot(item, fields)
    for name in fields:
        if name not in data:
            continue
        field = model._meta.get_field(name)
        value = data[name]
        if isinstance(field, models.ForeignKey):
            setattr(item, f"{name}_id", value or None)
        else:
            setattr(
                item, name, "" if value is None and not getattr(field, "null", False) else value
            )
    if section == "wbs":
        _check_parent(version, item)  # type: ignore[arg-type]
        if item.starts_on and item.ends_on and item.ends_on < item.starts_on:  # type: ignore[attr-defined]
            raise DomainError(_("The end is before the start."), field="ends_on")
        _schedule(item)  # type: ignore[arg-type]
    try:
        item.full_clean(exclude=["version"])
    except ValidationError as exc:
        raise _invalid(exc) from None
    item.save()
    event_record(
        actor=actor,
        verb="plan.item_added" if item_id is None else "plan.item_changed",
        subject=version,
        before=before,
        after={"section": section, "id": item.pk, **_snapshot(item, fields)},
        scope=collab,
    )
    return item


@transaction.atomic
def plan_item_delete(
    *, actor: Actor, collaboration: Collaboration, section: str, item_id: int
) -> None:
    """Remove a row (and, for a task, the tasks under it) from the draft."""
    if section not in SECTIONS:
        raise DomainError(_("Unknown section of the plan."), field="section")
    collab = _lock_collab(collaboration)
    access.require_manage(actor, collab)
    version = _open_version(collab)
    item = _item(version, section, item_id)
    before = {"section": section, "id": item.pk, **_snapshot(item, SECTIONS[section][1])}
    item.delete()
    event_record(
        actor=actor, verb="plan.item_removed", subject=version, before=before, scope=collab
    )


@transaction.atomic
def raci_set(
    *,
    actor: Actor,
    collaboration: Collaboration,
    row: str,
    row_id: int,
    letter: str,
    department_id: int | None = None,
    person_id: int | None = None,
) -> RaciCell | None:
    """Set one cell of the matrix: `letter` R/A/C/I, or "" to clear it.

    `row` is "wbs" or "deliverable"; the party is a department or a person
    (a user id). Breaking a rule is allowed here (the grid shows it);
    sign-off refuses it.
    """
    if row not in ("wbs", "deliverable"):
        raise DomainError(_("Choose a task or a deliverable."), field="row")
    if letter not in ("", *Letter.values):
        raise DomainError(_("Choose R, A, C, I or nothing."), field="letter")
    if (department_id is None) == (person_id is None):
        raise DomainError(_("Choose a department or a person."), field="department")
    collab = _lock_collab(collaboration)
    access.require_manage(actor, collab)
    version = _open_version(collab)
    item = _item(version, "wbs" if row == "wbs" else "deliverables", row_id)
    if department_id is not None and not _participates(collab, department_id):
        raise DomainError(_("The department does not take part."), field="department")
    if person_id is not None:
        user = (
            apps.get_model("auth", "User")
            .objects.filter(pk=person_id, is_active=True)
            .select_related("person")
            .first()
        )
        if user is None:
            raise DomainError(_("Choose an active person."), field="person")
        # Only people of the collaboration's departments carry its duties, as in the grid.
        department_id_of_person = getattr(getattr(user, "person", None), "department_id", None)
        if department_id_of_person is None or not _participates(collab, department_id_of_person):
            raise DomainError(_("Choose a person of a participating department."), field="person")
    party = {"department_id": department_id, "person_id": person_id}
    lookup = {"wbs_item" if row == "wbs" else "deliverable": item, **party}
    existing = RaciCell.objects.select_for_update().filter(version=version, **lookup).first()
    before = {"letter": existing.letter if existing else ""}
    cell: RaciCell | None
    if not letter:
        if existing is not None:
            existing.delete()
        cell = None
    elif existing is not None:
        existing.letter = letter
        existing.save(update_fields=["letter"])
        cell = existing
    else:
        cell = RaciCell.objects.create(version=version, letter=letter, **lookup)
    event_record(
        actor=actor,
        verb="plan.raci_set",
        subject=version,
        before=before,
        after={"row": row, "row_id": row_id, "letter": letter, **party},
        scope=collab,
    )
    return cell


def _participates(collab: Collaboration, department_id: int) -> bool:
    return collab.departments.filter(department_id=department_id).exists()


def signoff_required(collab: Collaboration) -> bool:
    if collab.kind == Kind.COORDINATION:
        return bool(getattr(settings, "CONCORD_COORDINATION_PLAN_SIGNOFF", False))
    return True


def _signers(collab: Collaboration) -> tuple[Any, ...]:
    heads = [head for _pd, head in department_heads_of(collab)]
    missing = [str(pd.department) for pd, head in department_heads_of(collab) if head is None]
    if missing:
        raise DomainError(
            _("These departments have no head to sign: %(names)s.") % {"names": "、".join(missing)},
            code="conflict",
        )
    unique = {u.pk: u for u in heads if u is not None}
    return tuple(unique.values())


@transaction.atomic
def plan_submit_for_signoff(*, actor: Actor, collaboration: Collaboration) -> PlanVersion:
    """Check the draft and ask every participating department head to sign it (会签).

    A coordination plan needs no sign-off unless configured: it takes
    effect at once.
    """
    collab = _lock_collab(collaboration)
    access.require_manage(actor, collab, "plan_submit")
    version = _open_version(collab)
    problems = submit_problems(version, collab.kind)
    if problems:
        lines = [m for messages in problems.values() for m in messages]
        raise DomainError(
            _("The plan cannot be submitted yet: %(problems)s") % {"problems": " ".join(lines)},
            code="invalid",
            details=cast(Any, problems),
        )
    if not signoff_required(collab):
        return _make_effective(actor, collab, version)
    signers = _signers(collab)
    version.state = VersionState.IN_SIGNOFF
    version.submitted_at = timezone.now()
    version.declined_reasons = ""
    version.save(update_fields=["state", "submitted_at", "declined_reasons"])
    flow_start(
        actor=actor,
        subject=collab,
        purpose=PURPOSE,
        steps=[StepSpec(SIGNOFF_LABEL, StepMode.ALL, signers)],
        scope=collab,
    )
    event_record(
        actor=actor,
        verb="plan.submitted",
        subject=version,
        before={"state": VersionState.DRAFT},
        after={"state": version.state, "signers": [u.pk for u in signers]},
        scope=collab,
    )
    return version


def _make_effective(actor: Actor, collab: Collaboration, version: PlanVersion) -> PlanVersion:
    previous = (
        PlanVersion.objects.select_for_update()
        .filter(plan=version.plan, state=VersionState.EFFECTIVE)
        .first()
    )
    before = {"state": version.state, "collaboration": collab.state}
    if previous is not None:
        previous.state = VersionState.SUPERSEDED
        previous.save(update_fields=["state"])
    version.state = VersionState.EFFECTIVE
    version.effective_at = timezone.now()
    version.save(update_fields=["state", "effective_at"])
    target = lifecycle.check(collab.state, "plan_effective")
    if target and collab.state != target:
        collab.state = target
        collab.save(update_fields=["state", "updated_at"])
    event = event_record(
        actor=actor,
        verb="plan.effective",
        subject=version,
        before=before,
        after={
            "state": version.state,
            "collaboration": collab.state,
            "superseded": previous.number if previous else None,
        },
        scope=collab,
    )
    notify(
        recipients=stakeholders_of(collab),
        kind=kinds.EFFECTIVE,
        subject=version,
        params={"number": collab.number, "name": collab.name, "version": version.number},
        url=version.get_absolute_url(),
        actor=actor,
        event=event,
    )
    _announce(actor, collab, version, previous)
    # Its milestones are checked daily for a review that has become due (imported
    # here: the reviews app builds on planning).
    from concord.closing.reviews.services import arm_check

    arm_check(collab)
    return version


def _announce(
    actor: Actor, collab: Collaboration, version: PlanVersion, previous: PlanVersion | None
) -> None:
    """Issue the change notice (变更通知) that a new plan version always produces."""
    from concord.changes.services import change_notice_issue  # changes builds on planning

    lines = summary_lines(compare(previous, version)) if previous else []
    if previous is None:
        what = _("Plan version %(n)s is in effect.") % {"n": version.number}
    else:
        what = "\n".join(lines) or _("No content changed.")
    old_budget = previous.budget if previous else None
    budget_text = ""
    if version.budget != old_budget:
        budget_text = _("Budget: %(old)s → %(new)s") % {
            "old": old_budget if old_budget is not None else "—",
            "new": version.budget if version.budget is not None else "—",
        }
    time_text = ""
    if previous is not None and (previous.starts_on, previous.ends_on) != (
        version.starts_on,
        version.ends_on,
    ):
        time_text = _("Time frame: %(old)s → %(new)s") % {
            "old": f"{previous.starts_on or '—'} – {previous.ends_on or '—'}",
            "new": f"{version.starts_on or '—'} – {version.ends_on or '—'}",
        }
    change_notice_issue(
        actor=actor,
        collaboration=collab,
        category="plan",
        title=_("Plan version %(n)s") % {"n": version.number},
        what=what,
        why=version.summary or _("The plan was signed by every participating department."),
        impact_time=time_text,
        impact_budget=budget_text,
        effective_on=timezone.localdate(),
        source=version,
        # The department heads have just signed it: no second approval.
        budget_delta=None,
    )


def plan_make_effective(*, actor: Actor, collaboration: Collaboration) -> PlanVersion:
    """Put the version in sign-off into effect; only the sign-off hook calls this."""
    with transaction.atomic():
        collab = _lock_collab(collaboration)
        version = _open_version(collab, state=VersionState.IN_SIGNOFF)
        return _make_effective(actor, collab, version)


@transaction.atomic
def plan_decline(*, actor: Actor, collaboration: Collaboration, reasons: str) -> PlanVersion:
    """Send the version in sign-off back to draft with the reasons; only the hook calls this."""
    collab = _lock_collab(collaboration)
    version = _open_version(collab, state=VersionState.IN_SIGNOFF)
    version.state = VersionState.DRAFT
    version.declined_reasons = reasons
    version.save(update_fields=["state", "declined_reasons"])
    event = event_record(
        actor=actor,
        verb="plan.declined",
        subject=version,
        before={"state": VersionState.IN_SIGNOFF},
        after={"state": version.state},
        scope=collab,
        note=reasons,
    )
    notify(
        recipients=[lead_of(collab) or collab.initiator],
        kind=kinds.DECLINED,
        subject=version,
        params={
            "number": collab.number,
            "name": collab.name,
            "version": version.number,
            "reasons": reasons,
        },
        url=version.get_absolute_url(),
        actor=actor,
        event=event,
    )
    return version
