"""What a request form carries, as plain data: forms and the API build it, services check it."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from concord.orgs.models import Department


@dataclass
class SuggestedRow:
    department: Department
    people: list[Any] = field(default_factory=list)  # users


@dataclass
class DatedRow:
    text: str  # a key date's label, a core problem's description
    on: date | None


@dataclass
class RequestInput:
    kind: str
    name: str
    importance: str = "normal"
    confidential: bool = False
    contact_phone: str = ""
    contact_email: str = ""
    background: str = ""
    goals: str = ""
    start_on: date | None = None
    end_on: date | None = None
    risks: str = ""
    people_count: int | None = None
    budget: Decimal | None = None
    equipment: str = ""
    suggested: list[SuggestedRow] = field(default_factory=list)
    key_dates: list[DatedRow] = field(default_factory=list)
    # problem kind
    phenomenon: str = ""
    root_cause: str = ""
    impact: str = ""
    attributed_departments: list[Department] = field(default_factory=list)
    # coordination kind
    core_problems: list[DatedRow] = field(default_factory=list)
    prior_communication: str = ""


def input_from(collab: Any) -> RequestInput:
    """Return the input that would recreate `collab`'s request (for edit forms and PATCH)."""
    req = collab.request
    return RequestInput(
        kind=collab.kind,
        name=collab.name,
        importance=collab.importance,
        confidential=collab.confidential,
        contact_phone=req.contact_phone,
        contact_email=req.contact_email,
        background=req.background,
        goals=req.goals,
        start_on=req.start_on,
        end_on=req.end_on,
        risks=req.risks,
        people_count=req.people_count,
        budget=req.budget,
        equipment=req.equipment,
        suggested=[
            SuggestedRow(s.department, list(s.people.all()))
            for s in collab.suggested_departments.all()
        ],
        key_dates=[DatedRow(k.label, k.on) for k in collab.key_dates.all()],
        phenomenon=req.phenomenon,
        root_cause=req.root_cause,
        impact=req.impact,
        attributed_departments=list(req.attributed_departments.all()),
        core_problems=[DatedRow(p.description, p.due_on) for p in collab.core_problems.all()],
        prior_communication=req.prior_communication,
    )
