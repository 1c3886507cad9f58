"""Who reviews a key deliverable: the RACI Accountable (A) party of its row.

The task's WBS row (or, failing that, the plan deliverable of the same name)
in the effective plan; a department in the A cell means its head. Without
such a cell the project lead reviews, and without a lead the initiator.
"""

from typing import Any

from concord.collaborations.selectors import lead_of
from concord.planning.models import Letter, RaciCell
from concord.planning.selectors import effective_plan

from .models import Task


def reviewer_for(task: Task) -> Any:
    collab = task.collaboration
    version = effective_plan(collab)
    cells = RaciCell.objects.none()
    if version is not None:
        a_cells = RaciCell.objects.filter(version=version, letter=Letter.A).select_related(
            "person", "department__head"
        )
        if task.wbs_key is not None:
            cells = a_cells.filter(wbs_item__key=task.wbs_key)
        elif task.wbs_item_id is not None:
            cells = a_cells.filter(wbs_item_id=task.wbs_item_id)
        if not cells.exists() and task.deliverable:
            cells = a_cells.filter(deliverable__name=task.deliverable)
    for cell in cells:
        party = cell.person if cell.person_id else getattr(cell.department, "head", None)
        if party is not None and party.is_active:
            return party
    return lead_of(collab) or collab.initiator
