"""Sections other apps add to a collaboration's page.

The planning, changes and communication apps each show a section on the
collaboration page. Rather than every app editing the same template, an app
registers its section from its AppConfig.ready():

    register_section("planning.plan", "planning/partials/section.html", column="main", order=20)

The template is included with `collab` (the collaboration) and `request` in
its context; it loads what it needs through its own app's template tags or
selectors, which must keep the page's query count constant.
"""

from dataclasses import dataclass
from typing import Literal

Column = Literal["main", "side"]


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    column: Column
    order: int


_SECTIONS: dict[str, Section] = {}


def register_section(name: str, template: str, *, column: Column = "main", order: int = 50) -> None:
    _SECTIONS[name] = Section(name, template, column, order)


def sections(column: Column) -> list[Section]:
    return sorted(
        (s for s in _SECTIONS.values() if s.column == column), key=lambda s: (s.order, s.name)
    )
