"""The checks a plan version must pass before sign-off.

`raci_problems` applies the matrix rules (exactly one A, at least one R per
task and deliverable); the grid shows its messages beside each row and
`submit_problems` refuses sign-off while there are any. `smart_problems`
points out goals without a measure or a target date: it blocks the problem
kind (方案共创: the target must pass the SMART check) and is advice for the
others.
"""

from django.utils.translation import gettext as _

from concord.collaborations.models import Kind

from .models import Letter, PlanVersion
from .selectors import wbs_tree


def row_problems(letters: list[str]) -> list[str]:
    """Return what is wrong with one row's letters."""
    problems = []
    accountable = letters.count(Letter.A)
    if accountable == 0:
        problems.append(_("No one is accountable (A)."))
    elif accountable > 1:
        problems.append(
            _("Only one party may be accountable (A); this row has %(n)s.") % {"n": accountable}
        )
    if Letter.R not in letters:
        problems.append(_("No one is responsible (R)."))
    return problems


def raci_problems(version: PlanVersion) -> dict[str, list[str]]:
    """Return the rule violations per row, keyed "wbs-<id>" or "deliverable-<id>"."""
    letters: dict[str, list[str]] = {}
    for cell in version.raci.all():
        key = (
            f"wbs-{cell.wbs_item_id}" if cell.wbs_item_id else f"deliverable-{cell.deliverable_id}"
        )
        letters.setdefault(key, []).append(cell.letter)
    rows = [f"wbs-{i.pk}" for i in version.wbs.all()]
    rows += [f"deliverable-{d.pk}" for d in version.deliverables.all()]
    found = {}
    for key in rows:
        problems = row_problems(letters.get(key, []))
        if problems:
            found[key] = problems
    return found


def smart_problems(version: PlanVersion) -> list[str]:
    problems = []
    for goal in version.goals.all():
        if not goal.measure.strip():
            problems.append(_("Goal “%(goal)s” has no measure.") % {"goal": goal.text})
        if goal.target_on is None:
            problems.append(_("Goal “%(goal)s” has no target date.") % {"goal": goal.text})
    return problems


def _required(version: PlanVersion, kind: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        found.setdefault(field, []).append(message)

    tasks = list(version.wbs.all())
    if kind == Kind.COORDINATION:
        if not tasks:
            add("wbs", _("List the core problems to solve."))
        for task in tasks:
            if task.ends_on is None:
                add("wbs", _("Core problem “%(task)s” has no due date.") % {"task": task.title})
        if not version.outcome.strip():
            add("outcome", _("Describe the agreed outcome."))
        return found
    if not version.goals.all():
        add("goals", _("State at least one goal."))
    if version.starts_on is None or version.ends_on is None:
        add("ends_on", _("Give the plan's start and end dates."))
    if kind == Kind.PROJECT and not version.milestones.all():
        add("milestones", _("Add at least one milestone."))
    if kind == Kind.PROBLEM:
        if not version.root_cause.strip():
            add("root_cause", _("State the agreed root cause."))
        for message in smart_problems(version):
            add("goals", message)
        if not tasks:
            add("wbs", _("Break the solution down into tasks."))
        for task in tasks:
            if task.owner_id is None or task.ends_on is None or not task.deliverable.strip():
                add(
                    "wbs",
                    _("Task “%(task)s” needs an owner, a due date and a deliverable.")
                    % {"task": task.title},
                )
    return found


def submit_problems(version: PlanVersion, kind: str) -> dict[str, list[str]]:
    """Return everything that keeps the version from sign-off, keyed by field or row."""
    found = _required(version, kind)
    names = {f"wbs-{t.item.pk}": f"{t.code} {t.item.title}" for t in wbs_tree(version)}
    names.update({f"deliverable-{d.pk}": d.name for d in version.deliverables.all()})
    for key, problems in raci_problems(version).items():
        found.setdefault("raci", []).extend(f"{names.get(key, key)}: {p}" for p in problems)
    return found
