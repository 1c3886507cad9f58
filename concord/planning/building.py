"""Fill a new version: the first from the request's data, later ones from the version in force.

Both run inside `plan_draft`'s transaction and write rows only.
"""

from typing import Any

from django.utils.translation import gettext as _

from concord.collaborations.models import Collaboration, Kind

from .models import Deliverable, Goal, Milestone, PlanVersion, RaciCell, Resource, WbsItem


def _lines(text: str) -> list[str]:
    return [line.strip(" -•·\t") for line in text.splitlines() if line.strip(" -•·\t")]


def fill_from_request(version: PlanVersion, collab: Collaboration) -> None:
    """Copy what the request already says into the version, so nothing is typed twice.

    Name and goals (one goal per line), time frame, budget, key dates as
    milestones, the resource estimate as resources; for the problem kind the
    suspected root cause and the problem statement as scope, for the
    coordination kind the core problems (with their due dates) as the items.
    """
    req = collab.request
    version.summary = _("Built from the request.")
    version.starts_on = req.start_on
    version.ends_on = req.end_on
    version.budget = req.budget
    version.scope_in = req.background
    if collab.kind == Kind.PROBLEM:
        version.root_cause = req.root_cause
        parts = [req.phenomenon, req.impact]
        version.scope_in = "\n".join(p for p in [req.background, *parts] if p.strip())
    version.save()
    Goal.objects.bulk_create(
        Goal(version=version, position=i, text=text[:500], target_on=req.end_on)
        for i, text in enumerate(_lines(req.goals), start=1)
    )
    Milestone.objects.bulk_create(
        Milestone(version=version, position=i, name=k.label, due_on=k.on)
        for i, k in enumerate(collab.key_dates.all(), start=1)
    )
    resources = []
    if req.people_count:
        resources.append((_("People"), str(req.people_count)))
    if req.budget is not None:
        resources.append((_("Budget (CNY)"), f"{req.budget}"))
    if req.equipment.strip():
        resources.append((_("Equipment"), req.equipment.strip()[:100]))
    Resource.objects.bulk_create(
        Resource(
            version=version, position=i, name=name, amount=amount, department=collab.department
        )
        for i, (name, amount) in enumerate(resources, start=1)
    )
    if collab.kind == Kind.COORDINATION:
        WbsItem.objects.bulk_create(
            WbsItem(version=version, position=i, title=p.description[:300], ends_on=p.due_on)
            for i, p in enumerate(collab.core_problems.all(), start=1)
        )


_CHARTER = ("scope_in", "scope_out", "starts_on", "ends_on", "budget", "root_cause", "outcome")
_COPY_FIELDS: dict[Any, tuple[str, ...]] = {
    Goal: ("key", "position", "text", "measure", "target_on"),
    Resource: ("key", "position", "name", "department_id", "amount", "period"),
    Milestone: ("key", "position", "name", "due_on", "deliverable"),
    Deliverable: ("key", "position", "name", "owner_department_id", "standard", "duty"),
}
_WBS_FIELDS = (
    "key",
    "position",
    "title",
    "owner_department_id",
    "owner_id",
    "duration_days",
    "starts_on",
    "ends_on",
    "deliverable",
    "duty",
    "standard",
)


def copy_version(source: PlanVersion, target: PlanVersion) -> None:
    """Copy every row of `source` into `target`, keeping each row's key for comparison."""
    for name in _CHARTER:
        setattr(target, name, getattr(source, name))
    target.save()
    for model, fields in _COPY_FIELDS.items():
        model.objects.bulk_create(
            model(version=target, **{f: getattr(row, f) for f in fields})
            for row in model.objects.filter(version=source)
        )
    deliverables = {d.key: d for d in Deliverable.objects.filter(version=target)}
    # Tasks are copied parents first so each copy can point at its parent's copy.
    old_to_new: dict[int, WbsItem] = {}
    pending = list(WbsItem.objects.filter(version=source).order_by("id"))
    while pending:
        rest = []
        for row in pending:
            if row.parent_id is not None and row.parent_id not in old_to_new:
                rest.append(row)
                continue
            copy = WbsItem.objects.create(
                version=target,
                parent=old_to_new.get(row.parent_id) if row.parent_id else None,
                **{f: getattr(row, f) for f in _WBS_FIELDS},
            )
            old_to_new[row.pk] = copy
        if len(rest) == len(pending):
            break  # a cycle cannot be saved through the services; stop rather than loop
        pending = rest
    old_deliverables = {d.pk: d.key for d in Deliverable.objects.filter(version=source)}
    RaciCell.objects.bulk_create(
        RaciCell(
            version=target,
            wbs_item=old_to_new.get(cell.wbs_item_id) if cell.wbs_item_id else None,
            deliverable=deliverables[old_deliverables[cell.deliverable_id]]
            if cell.deliverable_id
            else None,
            department_id=cell.department_id,
            person_id=cell.person_id,
            letter=cell.letter,
        )
        for cell in RaciCell.objects.filter(version=source)
        if cell.deliverable_id or cell.wbs_item_id in old_to_new
    )
