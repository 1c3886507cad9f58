"""What changed between two versions of a plan, row by row (matched by each row's key)."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Deliverable, Goal, Milestone, PlanVersion, RaciCell, Resource, WbsItem

CHARTER = {
    "scope_in": gettext_lazy("In scope"),
    "scope_out": gettext_lazy("Out of scope"),
    "starts_on": gettext_lazy("Starts on"),
    "ends_on": gettext_lazy("Ends on"),
    "budget": gettext_lazy("Budget (CNY)"),
    "root_cause": gettext_lazy("Agreed root cause"),
    "outcome": gettext_lazy("Agreed outcome"),
}
SECTIONS: dict[str, tuple[Any, str, tuple[str, ...], Any]] = {
    "goals": (Goal, "text", ("text", "measure", "target_on"), gettext_lazy("Goals")),
    "resources": (
        Resource,
        "name",
        ("name", "department", "amount", "period"),
        gettext_lazy("Resources"),
    ),
    "milestones": (
        Milestone,
        "name",
        ("name", "due_on", "deliverable"),
        gettext_lazy("Milestones"),
    ),
    "wbs": (
        WbsItem,
        "title",
        (
            "title",
            "parent",
            "owner_department",
            "owner",
            "duration_days",
            "starts_on",
            "ends_on",
            "deliverable",
            "duty",
            "standard",
        ),
        gettext_lazy("WBS"),
    ),
    "deliverables": (
        Deliverable,
        "name",
        ("name", "owner_department", "standard", "duty"),
        gettext_lazy("Deliverables"),
    ),
}


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    title: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class SectionDiff:
    name: str
    label: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class RaciChange:
    row: str
    party: str
    old: str
    new: str


@dataclass
class Comparison:
    old: PlanVersion
    new: PlanVersion
    charter: list[FieldChange]
    sections: list[SectionDiff]
    raci: list[RaciChange]

    @property
    def empty(self) -> bool:
        return not self.charter and not self.raci and all(s.empty for s in self.sections)


def _text(value: Any) -> str:
    if value is None:
        return ""
    person = getattr(value, "person", None)
    if person is not None:
        return str(person.name)
    return str(value)


def _value(row: Any, name: str, keys: dict[int, Any]) -> str:
    if name == "parent":
        return _text(keys.get(row.parent_id)) if row.parent_id else ""
    return _text(getattr(row, name))


def _section(name: str, old: PlanVersion, new: PlanVersion) -> SectionDiff:
    model, title, fields, label = SECTIONS[name]
    related = [f for f in ("department", "owner_department", "owner__person") if _has(model, f)]
    a = {r.key: r for r in model.objects.filter(version=old).select_related(*related)}
    b = {r.key: r for r in model.objects.filter(version=new).select_related(*related)}
    names_a = {r.pk: getattr(r, title) for r in a.values()}
    names_b = {r.pk: getattr(r, title) for r in b.values()}
    diff = SectionDiff(name, str(label))
    diff.added = [getattr(b[k], title) for k in b if k not in a]
    diff.removed = [getattr(a[k], title) for k in a if k not in b]
    for key in (k for k in b if k in a):
        changes = []
        for f in fields:
            before, after = _value(a[key], f, names_a), _value(b[key], f, names_b)
            if before != after:
                label_f = str(model._meta.get_field(f).verbose_name)
                changes.append(FieldChange(f, label_f, before, after))
        if changes:
            diff.changed.append(RowChange(getattr(b[key], title), changes))
    return diff


def _has(model: Any, path: str) -> bool:
    return any(f.name == path.split("__")[0] for f in model._meta.get_fields())


def _cells(version: PlanVersion) -> dict[tuple[Any, str], tuple[str, str, str]]:
    cells = RaciCell.objects.filter(version=version).select_related(
        "wbs_item", "deliverable", "department", "person__person"
    )
    result = {}
    for cell in cells:
        row = cell.wbs_item or cell.deliverable
        party_key = f"d{cell.department_id}" if cell.department_id else f"p{cell.person_id}"
        party = _text(cell.department or cell.person)
        result[(row.key, party_key)] = (_text(row), party, cell.letter)  # type: ignore[union-attr]
    return result


def compare(old: PlanVersion, new: PlanVersion) -> Comparison:
    """Return what changed from `old` to `new`."""
    charter = [
        FieldChange(name, str(label), _text(getattr(old, name)), _text(getattr(new, name)))
        for name, label in CHARTER.items()
        if _text(getattr(old, name)) != _text(getattr(new, name))
    ]
    sections = [_section(name, old, new) for name in SECTIONS]
    a, b = _cells(old), _cells(new)
    raci = []
    for key in sorted(set(a) | set(b), key=str):
        before, after = a.get(key), b.get(key)
        if before and after and before[2] == after[2]:
            continue
        row, party = (after or before)[:2]  # type: ignore[index]
        raci.append(RaciChange(row, party, before[2] if before else "", after[2] if after else ""))
    return Comparison(old, new, charter, sections, raci)


def summary_lines(comparison: Comparison) -> list[str]:
    """Return the comparison as short lines of text, for a change notice."""
    lines = [f"{c.label}: {c.old or '—'} → {c.new or '—'}" for c in comparison.charter]
    for section in comparison.sections:
        for title in section.added:
            lines.append(_("%(section)s added: %(row)s") % {"section": section.label, "row": title})
        for title in section.removed:
            lines.append(
                _("%(section)s removed: %(row)s") % {"section": section.label, "row": title}
            )
        for row in section.changed:
            changes = "; ".join(f"{f.label} {f.old or '—'} → {f.new or '—'}" for f in row.fields)
            lines.append(
                _("%(section)s changed: %(row)s (%(changes)s)")
                % {"section": section.label, "row": row.title, "changes": changes}
            )
    for cell in comparison.raci:
        lines.append(
            _("RACI %(row)s / %(party)s: %(old)s → %(new)s")
            % {"row": cell.row, "party": cell.party, "old": cell.old or "—", "new": cell.new or "—"}
        )
    return lines
