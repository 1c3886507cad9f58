"""Writes to a communication plan. Each function is one transaction and one event.

Every change bumps the plan's revision, so the departments' confirmations
(given for a revision) show as out of date until they confirm again; the
contacts of the departments whose confirmation just lapsed are asked to.
"""

from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from concord.activity.services import event_record
from concord.collaborations.models import Collaboration, ParticipatingDepartment
from concord.lib.errors import DomainError, not_found
from concord.notifications.services import notify
from concord.orgs.models import Department

from . import access, selectors
from .defaults import proposed_items
from .inputs import ItemInput, check_item
from .models import (
    CommConfirmation,
    CommItem,
    CommPlan,
    EscalationLevel,
    LimitUnit,
    Size,
)

Actor = Any

CADENCE_ORIGINS = ("standup", "weekly")


def _lock_collab(collab: Collaboration) -> Collaboration:
    row = (
        Collaboration.objects.select_for_update(of=("self",))
        .select_related("department")
        .filter(pk=collab.pk)
        .first()
    )
    if row is None:
        raise not_found()
    return row


def _lock_plan(collab: Collaboration) -> CommPlan:
    plan = CommPlan.objects.select_for_update().filter(collaboration=collab).first()
    if plan is None:
        raise DomainError(_("The communication plan has not been proposed yet."), code="conflict")
    return plan


def _bump(plan: CommPlan) -> None:
    plan.revision += 1
    plan.save(update_fields=["revision", "updated_at"])


def _ask_again(actor: Actor, collab: Collaboration, plan: CommPlan, event: Any) -> None:
    """Ask the departments that had confirmed the revision just replaced to confirm again.

    Only a confirmation of the previous revision counts: a department
    already out of date was asked when its confirmation lapsed, so a run of
    edits sends it one reminder, not one per edit.
    """
    lapsed = set(
        CommConfirmation.objects.filter(plan=plan, revision=plan.revision - 1).values_list(
            "department_id", flat=True
        )
    )
    if not lapsed:
        return
    url = selectors.page_url(collab)
    rows = collab.departments.filter(department_id__in=lapsed).select_related(
        "department__head", "contact"
    )
    for pd in rows:
        who = pd.contact or pd.department.head
        if who is None:
            continue
        notify(
            recipients=[who],
            kind="communication.reconfirm",
            subject=collab,
            params={
                "number": collab.number,
                "name": collab.name,
                "department": pd.department.name,
                "confirmed": plan.revision - 1,
                "revision": plan.revision,
            },
            url=url,
            actor=actor,
            event=event,
        )


def _item_snapshot(item: CommItem) -> dict[str, Any]:
    return {
        "topic": item.topic,
        "channel": item.channel,
        "frequency": item.frequency,
        "rrule": item.rrule,
        "owner": item.owner_id,
        "output": item.output,
        "notes": item.notes,
        "departments": sorted(d.pk for d in item.departments.all()),
        "people": sorted(u.pk for u in item.people.all()),
    }


def _add_proposed(plan: CommPlan, collab: Collaboration, size: str, start: int) -> None:
    from concord.collaborations.selectors import lead_of

    lead = lead_of(collab) or collab.initiator
    departments = [pd.department for pd in collab.departments.select_related("department")]
    for offset, row in enumerate(proposed_items(collab.kind, size)):
        item = CommItem.objects.create(
            plan=plan,
            position=start + offset,
            topic=row.topic,
            channel=row.channel,
            frequency=row.frequency,
            rrule=row.rrule,
            owner=lead,
            output=row.output,
            notes=row.notes,
            origin=row.origin,
        )
        if row.everyone:
            item.departments.set(departments)


@transaction.atomic
def comm_plan_create(*, actor: Actor, collaboration: Collaboration, size: str = "") -> CommPlan:
    """Propose the communication plan: default rows for the size and kind, the escalation path.

    `size` overrides the size derived from the people estimate and the team.
    The departments' contacts are asked to confirm it.
    """
    collab = _lock_collab(collaboration)
    access.require_edit(actor, collab)
    if size and size not in Size.values:
        raise DomainError(_("Size: choose small, medium or large."), field="size")
    if CommPlan.objects.filter(collaboration=collab).exists():
        raise DomainError(_("The communication plan already exists."), code="conflict")
    plan = CommPlan.objects.create(collaboration=collab, size=size)
    effective = selectors.effective_size(collab, plan)
    _add_proposed(plan, collab, effective, start=0)
    EscalationLevel.objects.bulk_create(selectors.default_levels(plan))
    event = event_record(
        actor=actor,
        verb="communication.plan_created",
        subject=plan,
        scope=collab,
        after={"size": effective, "items": plan.items.count()},
    )
    _ask_to_confirm(actor, collab, event)
    return plan


def _ask_to_confirm(actor: Actor, collab: Collaboration, event: Any) -> None:
    url = selectors.page_url(collab)
    for pd in collab.departments.select_related("department__head", "contact"):
        who = pd.contact or pd.department.head
        if who is None:
            continue
        notify(
            recipients=[who],
            kind="communication.confirm",
            subject=collab,
            params={"number": collab.number, "name": collab.name, "department": pd.department.name},
            url=url,
            actor=actor,
            event=event,
        )


@transaction.atomic
def comm_plan_resize(*, actor: Actor, collaboration: Collaboration, size: str) -> CommPlan:
    """Override the project size ("" = derive it); the proposed meeting cadence follows it.

    A small project gets a daily stand-up, a medium or large one a weekly
    meeting: the proposed cadence row is swapped when the size crosses
    that line. Rows people added or changed are left alone.
    """
    collab = _lock_collab(collaboration)
    access.require_edit(actor, collab)
    plan = _lock_plan(collab)
    if size and size not in Size.values:
        raise DomainError(_("Size: choose small, medium or large."), field="size")
    before = {"size": plan.size, "effective": selectors.effective_size(collab, plan)}
    plan.size = size
    after_size = selectors.effective_size(collab, plan)
    wanted = "standup" if after_size == Size.SMALL else "weekly"
    cadence = plan.items.filter(origin__in=CADENCE_ORIGINS)
    if not cadence.filter(origin=wanted).exists():
        cadence.delete()
        plan.items.update(position=F("position") + 1)
        row = next(r for r in proposed_items(collab.kind, after_size) if r.origin == wanted)
        from concord.collaborations.selectors import lead_of

        item = CommItem.objects.create(
            plan=plan,
            position=0,
            topic=row.topic,
            channel=row.channel,
            frequency=row.frequency,
            rrule=row.rrule,
            owner=lead_of(collab) or collab.initiator,
            output=row.output,
            notes=row.notes,
            origin=row.origin,
        )
        item.departments.set([pd.department for pd in collab.departments.all()])
    plan.revision += 1
    plan.save(update_fields=["size", "revision", "updated_at"])
    event = event_record(
        actor=actor,
        verb="communication.plan_resized",
        subject=plan,
        scope=collab,
        before=before,
        after={"size": plan.size, "effective": after_size},
    )
    _ask_again(actor, collab, plan, event)
    return plan


def _write_item(item: CommItem, data: ItemInput) -> None:
    item.topic = data.topic
    item.channel = data.channel
    item.frequency = data.frequency
    item.rrule = data.rrule
    item.owner = data.owner
    item.output = data.output
    item.notes = data.notes
    item.save()
    item.departments.set(data.departments)
    item.people.set(data.people)


@transaction.atomic
def comm_item_add(*, actor: Actor, collaboration: Collaboration, data: ItemInput) -> CommItem:
    """Add a row to the communication plan, at the end."""
    collab = _lock_collab(collaboration)
    access.require_edit(actor, collab)
    plan = _lock_plan(collab)
    clean = check_item(data)
    last = plan.items.aggregate(m=Max("position"))["m"]
    item = CommItem(plan=plan, position=(last if last is not None else -1) + 1)
    _write_item(item, clean)
    _bump(plan)
    event = event_record(
        actor=actor,
        verb="communication.item_added",
        subject=item,
        scope=collab,
        after=_item_snapshot(item),
    )
    _ask_again(actor, collab, plan, event)
    return item


def _lock_item(item: CommItem) -> tuple[Collaboration, CommPlan, CommItem]:
    collab = _lock_collab(item.plan.collaboration)
    plan = _lock_plan(collab)
    row = CommItem.objects.select_for_update().filter(pk=item.pk, plan=plan).first()
    if row is None:
        raise not_found()
    return collab, plan, row


@transaction.atomic
def comm_item_update(*, actor: Actor, item: CommItem, data: ItemInput) -> CommItem:
    """Change a row of the communication plan."""
    collab, plan, row = _lock_item(item)
    access.require_edit(actor, collab)
    clean = check_item(data)
    before = _item_snapshot(row)
    _write_item(row, clean)
    # A default row someone changed is theirs now; resizing leaves it alone.
    if row.origin:
        row.origin = ""
        row.save(update_fields=["origin"])
    _bump(plan)
    event = event_record(
        actor=actor,
        verb="communication.item_updated",
        subject=row,
        scope=collab,
        before=before,
        after=_item_snapshot(row),
    )
    _ask_again(actor, collab, plan, event)
    return row


@transaction.atomic
def comm_item_remove(*, actor: Actor, item: CommItem) -> None:
    """Remove a row of the communication plan."""
    collab, plan, row = _lock_item(item)
    access.require_edit(actor, collab)
    event = event_record(
        actor=actor,
        verb="communication.item_removed",
        subject=row,
        scope=collab,
        before=_item_snapshot(row),
    )
    row.delete()
    _bump(plan)
    _ask_again(actor, collab, plan, event)


@transaction.atomic
def comm_level_update(
    *,
    actor: Actor,
    collaboration: Collaboration,
    level: int,
    limit_value: int,
    limit_unit: str,
    handler: Any | None = None,
) -> EscalationLevel:
    """Set who handles an escalation level (None: follow its role) and its time limit."""
    collab = _lock_collab(collaboration)
    access.require_edit(actor, collab)
    plan = _lock_plan(collab)
    row = EscalationLevel.objects.select_for_update().filter(plan=plan, level=level).first()
    if row is None:
        raise DomainError(_("Level: choose 1, 2 or 3."), field="level")
    if (
        isinstance(limit_value, bool)
        or not isinstance(limit_value, int)
        or not (1 <= limit_value <= 999)
    ):
        raise DomainError(_("Time limit: a whole number from 1 to 999."), field="limit_value")
    if limit_unit not in LimitUnit.values:
        raise DomainError(
            _("Unit: choose hours, working hours or working days."), field="limit_unit"
        )
    if handler is not None and (not handler.is_active or getattr(handler, "person", None) is None):
        raise DomainError(_("Handler: choose an active employee."), field="handler")
    before = {"handler": row.handler_id, "limit": [row.limit_value, row.limit_unit]}
    row.handler = handler
    row.limit_value = limit_value
    row.limit_unit = limit_unit
    row.save()
    _bump(plan)
    event = event_record(
        actor=actor,
        verb="communication.level_updated",
        subject=row,
        scope=collab,
        before=before,
        after={"level": level, "handler": row.handler_id, "limit": [limit_value, limit_unit]},
    )
    _ask_again(actor, collab, plan, event)
    return row


@transaction.atomic
def comm_plan_confirm(
    *, actor: Actor, collaboration: Collaboration, department: Department
) -> CommConfirmation:
    """Confirm the plan's current revision for a department (《沟通机制确认表》)."""
    collab = _lock_collab(collaboration)
    plan = _lock_plan(collab)
    row = (
        ParticipatingDepartment.objects.select_related("department__head")
        .filter(collaboration=collab, department=department)
        .first()
    )
    if row is None:
        raise DomainError(
            _("Department: “%(dept)s” does not take part in this collaboration.")
            % {"dept": department.name},
            field="department",
        )
    if not access.may_confirm_for(actor, row):
        raise access.forbidden()
    from concord.collaborations import lifecycle

    lifecycle.check(collab.state, "comm_confirm")
    if CommConfirmation.objects.filter(
        plan=plan, department=department, revision=plan.revision
    ).exists():
        raise DomainError(
            _("“%(dept)s” has already confirmed this version.") % {"dept": department.name},
            code="conflict",
        )
    confirmation = CommConfirmation.objects.create(
        plan=plan, department=department, revision=plan.revision, confirmed_by=actor
    )
    event_record(
        actor=actor,
        verb="communication.confirmed",
        subject=confirmation,
        scope=collab,
        after={"department": department.pk, "revision": plan.revision},
    )
    return confirmation
