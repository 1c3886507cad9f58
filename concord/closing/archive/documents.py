"""The archive checklist as a standard form (《协作资料归档清单》, docx, pdf, xlsx)."""

from typing import Any

from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, Field, FormDoc, Table, register_form

from . import checklist, selectors

KINDS = {
    "project": ("跨部门项目", "Cross-department project"),
    "problem": ("问题解决", "Problem solving"),
    "coordination": ("沟通协调", "Coordination"),
}
STATES = {
    "approved": ("已立项", "Established"),
    "executing": ("执行中", "Executing"),
    "closed": ("已结项", "Closed"),
    "terminated": ("已终止", "Terminated"),
}


def _person(user: Any) -> str:
    person = getattr(user, "person", None)
    return person.name if person is not None else user.get_username()


def checklist_doc(collab: Collaboration, user: Any = None) -> FormDoc:
    """Return the checklist of `collab` with what is present, missing and waived."""
    w = checklist.word
    found = selectors.checklist_of(collab, user)
    rows: list[list[str]] = []
    for number, item in enumerate(found.items, start=1):
        sources = [w("generated")] if item.generated else []
        if item.uploads:
            sources.append(w("uploaded"))
        note = ""
        if item.uploads:
            note = "; ".join(d.name for d in item.uploads)
        if item.waived and item.waiver is not None:
            note = f"{w('reason')}: {item.waiver.reason}"
        status = {
            "present": w("present"),
            "waived": w("waived"),
            "missing": w("missing"),
            "absent": "—",
        }[item.status]
        rows.append(
            [
                str(number),
                item.label,
                w("yes") if item.required else w("no_"),
                status,
                " / ".join(sources),
                note,
            ]
        )
    for doc in found.others:
        rows.append(
            [str(len(rows) + 1), doc.title, w("no_"), w("present"), w("uploaded"), doc.name]
        )
    table = Table(
        columns=[w("no"), w("document"), w("required"), w("status"), w("source"), w("note")],
        rows=rows,
        widths=[0.6, 3, 1, 1, 1.4, 4],
    )
    blocks = [Block(tables=[table])]
    if found.waivers:
        blocks.append(
            Block(
                heading=w("waivers"),
                tables=[
                    Table(
                        columns=[w("document"), w("reason"), w("by"), w("date")],
                        rows=[
                            [
                                checklist.type_label(v.doc_type),
                                v.reason,
                                _person(v.waived_by),
                                f"{timezone.localtime(v.waived_at):%Y-%m-%d}",
                            ]
                            for v in found.waivers
                        ],
                        widths=[2, 5, 1.5, 1.5],
                    )
                ],
            )
        )
    return FormDoc(
        title=w("title"),
        doc_type=w("doc_type"),
        name=collab.name,
        day=timezone.localdate(),
        fields=[
            Field(w("collaboration"), collab.name),
            Field(w("number"), collab.number or ""),
            Field(w("kind"), checklist.pick(KINDS.get(str(collab.kind), ("", "")))),
            Field(
                w("state"),
                checklist.pick(STATES.get(str(collab.state), (collab.state, collab.state))),
            ),
        ],
        blocks=blocks,
        signatures=[
            checklist.pick(("整理人", "Prepared by")),
            checklist.pick(("审核人(PMO)", "Checked by (PMO)")),
        ],
    )


def register_forms() -> None:
    register_form(
        "archive.checklist",
        label=("协作资料归档清单", "Collaboration archive checklist"),
        builder=checklist_doc,
        formats=("docx", "pdf", "xlsx"),
        order=90,
    )
