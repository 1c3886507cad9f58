"""Lay out the Gantt chart as SVG coordinates; the template only draws them.

Planned bars (the plan's WBS dates, else the task's) sit in the upper half
of a row, actual bars (started → done, or → today while open) in the lower
half; milestones are diamonds on their own row. Server-side, no script: the
page prints and reads the same in both languages.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .selectors import Gantt

LABEL_WIDTH = 280
ROW_HEIGHT = 30
HEADER_HEIGHT = 34
MAX_CHART_WIDTH = 1100
MIN_DAY, MAX_DAY = 3.0, 28.0
#: Characters of a title that fit the label column (CJK glyphs are wide).
TITLE_CHARS = 18


@dataclass
class Bar:
    x: float
    width: float


@dataclass
class Row:
    y: float
    label: str
    title: str
    url: str
    planned: Bar | None
    actual: Bar | None
    actual_class: str
    percent_done: int
    lag: str
    obj: Any


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Diamond:
    x: float
    y: float
    label: str
    on: date
    points: str


@dataclass
class Chart:
    width: float
    height: float
    label_width: int
    rows: list[Row] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    milestones: list[Diamond] = field(default_factory=list)
    today_x: float | None = None
    empty: bool = True


def _short(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def _ticks(start: date, end: date, x_of: Any, day: float) -> list[Tick]:
    """Return a tick per month start, or per Monday when days are wide enough."""
    ticks = []
    current = start
    weekly = day * 7 >= 48
    while current <= end:
        if (weekly and current.weekday() == 0) or (not weekly and current.day == 1):
            ticks.append(Tick(x_of(current), current.strftime("%m-%d" if weekly else "%Y-%m")))
        current += timedelta(days=1)
    return ticks


def layout(data: Gantt, task_base: str) -> Chart:
    if data.start is None or data.end is None:
        return Chart(width=LABEL_WIDTH, height=HEADER_HEIGHT, label_width=LABEL_WIDTH)
    start = min(data.start, data.today) - timedelta(days=1)
    end = max(data.end, data.today) + timedelta(days=2)
    days = (end - start).days
    day = max(MIN_DAY, min(MAX_DAY, (MAX_CHART_WIDTH - LABEL_WIDTH) / days))

    def x_of(on: date) -> float:
        return round(LABEL_WIDTH + (on - start).days * day, 1)

    def bar(first: date | None, last: date | None) -> Bar | None:
        if first is None or last is None:
            return None
        first, last = min(first, last), max(first, last)
        return Bar(x_of(first), round((((last - first).days + 1) * day), 1))

    chart = Chart(
        width=round(LABEL_WIDTH + days * day + 10, 1),
        height=0,
        label_width=LABEL_WIDTH,
        ticks=_ticks(start, end, x_of, day),
        today_x=x_of(data.today) + day / 2,
        empty=False,
    )
    y = HEADER_HEIGHT
    for row in data.rows:
        task = row.task
        css = "done" if task.status == "done" else ("late" if row.lag == "overdue" else "")
        chart.rows.append(
            Row(
                y=y,
                label=task.number,
                title=_short(task.title),
                url=f"{task_base}{task.number}/",
                planned=bar(row.planned_start, row.planned_end),
                actual=bar(row.actual_start, row.actual_end),
                actual_class=css,
                percent_done=row.percent_done,
                lag=row.lag,
                obj=task,
            )
        )
        y += ROW_HEIGHT
    # A row each, so that milestones days apart do not print over each other.
    for milestone in data.milestones:
        cx, cy = x_of(milestone.due_on) + day / 2, y + ROW_HEIGHT / 2
        r = 7
        chart.milestones.append(
            Diamond(
                x=cx,
                y=cy,
                label=_short(milestone.name),
                on=milestone.due_on,
                points=f"{cx},{cy - r} {cx + r},{cy} {cx},{cy + r} {cx - r},{cy}",
            )
        )
        y += ROW_HEIGHT
    chart.height = y + 6
    return chart
