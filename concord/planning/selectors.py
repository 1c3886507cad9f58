"""Reads of plans. The collaboration passed in was already fetched through access."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from concord.collaborations.models import Collaboration

from .models import Deliverable, PlanVersion, RaciCell, Resource, VersionState, WbsItem

OPEN = (VersionState.DRAFT, VersionState.IN_SIGNOFF)


def _versions(collab: Collaboration) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan__collaboration=collab)


def effective_plan(collab: Collaboration) -> PlanVersion | None:
    """Return the version in force, if any."""
    return _versions(collab).filter(state=VersionState.EFFECTIVE).first()


def current_draft(collab: Collaboration) -> PlanVersion | None:
    """Return the version being worked on (a draft or in sign-off), if any."""
    return _versions(collab).filter(state__in=OPEN).first()


def versions_of(collab: Collaboration) -> list[PlanVersion]:
    return list(_versions(collab).select_related("created_by__person").order_by("-number"))


def version_numbered(collab: Collaboration, number: int) -> PlanVersion | None:
    return _versions(collab).filter(number=number).first()


@dataclass
class TreeItem:
    item: WbsItem
    code: str
    depth: int
    children: list["TreeItem"] = field(default_factory=list)


def wbs_tree(version: PlanVersion, items: list[WbsItem] | None = None) -> list[TreeItem]:
    """Return the WBS as a flat list in tree order, each item with its code (1.2.3) and depth."""
    rows = items if items is not None else list(version.wbs.all())
    by_parent: dict[int | None, list[WbsItem]] = {}
    for row in sorted(rows, key=lambda r: (r.position, r.pk)):
        by_parent.setdefault(row.parent_id, []).append(row)
    flat: list[TreeItem] = []

    def walk(parent: int | None, prefix: str, depth: int) -> None:
        for index, row in enumerate(by_parent.get(parent, []), start=1):
            code = f"{prefix}{index}"
            flat.append(TreeItem(row, code, depth))
            walk(row.pk, f"{code}.", depth + 1)

    walk(None, "", 0)
    return flat


def wbs_items(version: PlanVersion) -> list[WbsItem]:
    """Return the version's WBS items in tree order, each with `.code` set (e.g. "1.2.3")."""
    items = list(
        version.wbs.select_related("owner_department", "owner__person", "parent").order_by(
            "position", "id"
        )
    )
    result = []
    for entry in wbs_tree(version, items):
        entry.item.code = entry.code  # type: ignore[attr-defined]
        entry.item.depth = entry.depth  # type: ignore[attr-defined]
        result.append(entry.item)
    return result


def version_detail(version: PlanVersion) -> PlanVersion:
    """Return the version with every row loaded, in a constant number of queries."""
    raci = RaciCell.objects.select_related("department", "person__person")
    return (
        PlanVersion.objects.select_related("created_by__person", "plan__collaboration")
        .prefetch_related(
            "goals",
            Prefetch("resources", queryset=Resource.objects.select_related("department")),
            "milestones",
            Prefetch(
                "wbs",
                queryset=WbsItem.objects.select_related("owner_department", "owner__person"),
            ),
            Prefetch(
                "deliverables", queryset=Deliverable.objects.select_related("owner_department")
            ),
            Prefetch("raci", queryset=raci),
        )
        .get(pk=version.pk)
    )
