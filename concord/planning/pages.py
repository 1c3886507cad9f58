"""What the plan page shows, loaded in a number of queries that does not grow with the plan."""

from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from concord.approvals.selectors import current_flow
from concord.collaborations.models import Collaboration, Kind

from . import access, selectors
from .models import Letter, PlanVersion, VersionState
from .outcomes import PURPOSE
from .services import signoff_required
from .validation import row_problems, smart_problems

NEXT_LETTER = {"": "R", "R": "A", "A": "C", "C": "I", "I": ""}


@dataclass
class Column:
    name: str
    label: Any
    kind: str = "text"  # text | textarea | date | number | department | person | parent


def columns(section: str, kind: str) -> list[Column]:
    """Return the columns a section shows for a collaboration kind (the guides' tables)."""
    if section == "goals":
        return [
            Column("text", _("Goal")),
            Column("measure", _("Measure")),
            Column("target_on", _("Target date"), "date"),
        ]
    if section == "resources":
        return [
            Column("name", _("Resource")),
            Column("department", _("Department"), "department"),
            Column("amount", _("Amount or quantity")),
            Column("period", _("Period")),
        ]
    if section == "milestones":
        return [
            Column("name", _("Milestone")),
            Column("due_on", _("Date"), "date"),
            Column("deliverable", _("Deliverable")),
        ]
    if section == "deliverables":
        return [
            Column("name", _("Deliverable")),
            Column("owner_department", _("Owner department"), "department"),
            # Translators: 交付物标准
            Column("standard", _("Acceptance standard"), "textarea"),
            Column("duty", _("Duty description"), "textarea"),
        ]
    if kind == Kind.PROBLEM:
        return [
            # Translators: 任务描述 / 负责人 / 截止时间 / 交付成果
            Column("title", _("Task description")),
            Column("owner", _("Owner"), "person"),
            Column("ends_on", _("Deadline"), "date"),
            Column("deliverable", _("Deliverable")),
            Column("owner_department", _("Owner department"), "department"),
            Column("parent", _("Under"), "parent"),
        ]
    if kind == Kind.COORDINATION:
        return [
            Column("title", _("Core problem")),
            Column("owner_department", _("Owner department"), "department"),
            Column("ends_on", _("Due date"), "date"),
        ]
    return [
        Column("title", _("Task")),
        Column("parent", _("Under"), "parent"),
        Column("owner_department", _("Owner department"), "department"),
        Column("duration_days", _("Working days"), "number"),
        Column("starts_on", _("Start"), "date"),
        Column("ends_on", _("End"), "date"),
        Column("duty", _("Duty description"), "textarea"),
        Column("standard", _("Deliverable standard"), "textarea"),
    ]


SECTION_TITLES = {
    "goals": _("Goals (SMART)"),
    "resources": _("Resources and their allocation"),
    "milestones": _("Milestones"),
    "wbs": _("Work breakdown (WBS)"),
    "deliverables": _("Deliverables"),
}


@dataclass
class PersonCell:
    user_id: int
    name: str
    letter: str
    next: str


@dataclass
class GridRow:
    key: str  # "wbs-12" or "deliverable-3"
    kind: str  # "wbs" or "deliverable"
    item: Any
    label: str
    depth: int
    cells: list[tuple[int, str, str]]  # (department id, letter, next letter)
    people: list[PersonCell]  # letters given to people, counted with the departments'
    problems: list[str]

    @property
    def others(self) -> list[str]:
        """Return the people's letters as "name: letter" (what the API has always listed)."""
        return [f"{p.name}: {p.letter}" for p in self.people]


def raci_grid(version: PlanVersion, departments: list[Any]) -> list[GridRow]:
    """Return the matrix rows: every task (tree order) then every deliverable."""
    letters: dict[tuple[str, int], str] = {}
    people: dict[str, list[PersonCell]] = {}
    for cell in version.raci.all():
        key = (
            f"wbs-{cell.wbs_item_id}" if cell.wbs_item_id else f"deliverable-{cell.deliverable_id}"
        )
        if cell.department_id:
            letters[(key, cell.department_id)] = cell.letter
        else:
            person = getattr(cell.person, "person", None)
            name = person.name if person is not None else str(cell.person)
            # A cell without a department has a person (planning_raci_one_party).
            user_id = cast(int, cell.person_id)
            people.setdefault(key, []).append(
                PersonCell(user_id, name, cell.letter, NEXT_LETTER[cell.letter])
            )
    rows = []
    entries: list[tuple[str, Any, str, int]] = [
        ("wbs", t.item, f"{t.code} {t.item.title}", t.depth) for t in selectors.wbs_tree(version)
    ]
    entries += [("deliverable", d, d.name, 0) for d in version.deliverables.all()]
    for kind, item, label, depth in entries:
        key = f"{kind}-{item.pk}"
        cells = []
        row_people = people.get(key, [])
        row_letters = [letter for (k, _d), letter in letters.items() if k == key]
        row_letters += [p.letter for p in row_people]
        for dept in departments:
            letter = letters.get((key, dept.pk), "")
            cells.append((dept.pk, letter, NEXT_LETTER[letter]))
        rows.append(
            GridRow(key, kind, item, label, depth, cells, row_people, row_problems(row_letters))
        )
    return rows


def plan_context(user: Any, collab: Collaboration, version: PlanVersion | None) -> dict[str, Any]:
    participating = list(collab.departments.select_related("department__head__person"))
    departments = [pd.department for pd in participating]
    context: dict[str, Any] = {
        "collab": collab,
        "version": None,
        "departments": departments,
        "can_manage": access.may_manage(user, collab),
        "letters": Letter,
        "flow": current_flow(collab, PURPOSE),
        "versions": selectors.versions_of(collab),
        "section_titles": SECTION_TITLES,
        "effective": selectors.effective_plan(collab),
        "signoff_off": not signoff_required(collab),
    }
    if version is None:
        return context
    version = selectors.version_detail(version)
    tree = selectors.wbs_tree(version)
    people = (
        get_user_model()
        .objects.filter(is_active=True, person__department__in=departments)
        .select_related("person")
        .order_by("person__name")
    )
    editable = context["can_manage"] and version.state == VersionState.DRAFT
    context.update(
        version=version,
        editable=editable,
        tree=tree,
        people=list(people),
        grid=raci_grid(version, departments),
        smart=smart_problems(version) if collab.kind != Kind.COORDINATION else [],
        sections=[
            (name, SECTION_TITLES[name], columns(name, collab.kind), _rows(version, name, tree))
            for name in ("goals", "milestones", "wbs", "deliverables", "resources")
            if not (collab.kind == Kind.COORDINATION and name in ("deliverables", "resources"))
        ],
    )
    return context


def _rows(version: PlanVersion, name: str, tree: list[Any]) -> list[tuple[Any, str, int]]:
    if name == "wbs":
        return [(t.item, t.code, t.depth) for t in tree]
    items = getattr(version, name).all()
    return [(item, "", 0) for item in items]


def pick_pair(
    collab: Collaboration, versions: list[PlanVersion], a: str | None, b: str | None
) -> tuple[PlanVersion | None, PlanVersion | None]:
    """Return the two versions to compare: those asked for, else the latest two."""
    by_number = {v.number: v for v in versions}

    def pick(text: str | None) -> PlanVersion | None:
        return by_number.get(int(text)) if text and text.isdigit() and len(text) < 9 else None

    old, new = pick(a), pick(b)
    if old is None and new is None and len(versions) >= 2:
        new, old = versions[0], versions[1]
    return old, new
