"""The filled request form as a Word document laid out like the guide's table.

The labels are the standard form's own wording (《跨部门协作需求申请表》 and
its problem/coordination variants), so they are kept here in both
languages rather than left to the translation catalog: a Chinese document
must say exactly what the paper form says. The document is a
`concord.knowledge.forms.FormDoc` (registered as the standard form
"collaborations.request"), so it downloads as .docx or PDF alike.
"""

from datetime import date
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from concord.knowledge.forms import Field, FormDoc, download, render
from concord.knowledge.naming import content_disposition, document_name

from .models import Collaboration, Kind

__all__ = ["content_disposition"]  # re-exported for the older exporters

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# key: (Chinese, English)
LABELS: dict[str, tuple[str, str]] = {
    "title_project": ("跨部门协作需求申请表", "Cross-department collaboration request form"),
    "title_problem": (
        "部门协作需求申请表(问题解决)",
        "Collaboration request form (problem solving)",
    ),
    "title_coordination": ("跨部门沟通协调需求单", "Cross-department coordination request"),
    "doc_type": ("需求申请表", "Request form"),
    "number": ("需求编号", "Request number"),
    "kind": ("协作类型", "Kind"),
    "name": ("项目名称", "Project name"),
    "department": ("发起部门", "Initiating department"),
    "initiator": ("发起人/联系方式", "Initiator / contact details"),
    "background": ("需求背景与目的", "Background and purpose"),
    "goals": ("目标与预期成果", "Goals and expected outcomes"),
    "suggested": ("建议参与部门及人员", "Suggested departments and people"),
    "timeline": ("时间计划与关键节点", "Timeline and key dates"),
    "risks": ("主要风险", "Main risks"),
    "resources": ("资源预估(人力/预算/设备)", "Resource estimate (people / budget / equipment)"),
    "importance": ("重要程度", "Importance"),
    "confidential": ("保密", "Confidential"),
    "phenomenon": ("问题现象", "Phenomenon"),
    "root_cause": ("问题本质(初步判断)", "Suspected root cause"),
    "impact": ("影响范围(量化)", "Quantified impact"),
    "attributed": ("初步归因部门", "Provisionally attributed departments"),
    "core_problems": ("需解决的核心问题", "Core problems to solve"),
    "prior": ("前期沟通情况", "Prior communication status"),
    "attachments": ("附件", "Attachments"),
    "state": ("状态", "State"),
    "people_unit": ("人", "people"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "due": ("截止", "due"),
}

KINDS = {
    Kind.PROJECT: ("跨部门项目", "Cross-department project"),
    Kind.PROBLEM: ("问题解决", "Problem solving"),
    Kind.COORDINATION: ("沟通协调", "Coordination"),
}
IMPORTANCE = {
    "normal": ("一般", "Normal"),
    "important": ("重要", "Important"),
    "strategic": ("战略", "Strategic"),
}


def _english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def label(key: str) -> str:
    zh, en = LABELS[key]
    return en if _english() else zh


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if _english() else pair[0]


def filename(collab: Collaboration, on: date | None = None, ext: str = "docx") -> str:
    """Return 「名称-日期-类型」.docx, e.g. 新品上市推广-2026-11-21-需求申请表.docx."""
    return document_name(collab.name, on or timezone.localdate(), label("doc_type"), ext)


def _person(user: Any) -> str:
    person = getattr(user, "person", None)
    return person.name if person is not None else user.get_username()


def _rows(collab: Collaboration) -> list[tuple[str, str]]:
    req = collab.request
    suggested = "\n".join(
        s.department.name
        + (("(" + "、".join(_person(u) for u in s.people.all()) + ")") if s.people.all() else "")
        for s in collab.suggested_departments.all()
    )
    timeline = f"{req.start_on or ''} – {req.end_on or ''}"
    for key_date in collab.key_dates.all():
        timeline += f"\n{key_date.label}: {key_date.on}"
    budget = f"¥{req.budget:,.2f}" if req.budget is not None else "—"
    people = f"{req.people_count} {label('people_unit')}" if req.people_count is not None else "—"
    contact = " / ".join(x for x in (req.contact_phone, req.contact_email) if x)
    rows = [
        (label("number"), collab.number or "—"),
        (label("kind"), _pick(KINDS[Kind(collab.kind)])),
        (label("name"), collab.name),
        (label("department"), collab.department.name),
        (label("initiator"), f"{_person(collab.initiator)} {contact}".strip()),
        (label("background"), req.background),
        (label("goals"), req.goals),
    ]
    if collab.kind == Kind.PROBLEM:
        rows += [
            (label("phenomenon"), req.phenomenon),
            (label("root_cause"), req.root_cause),
            (label("impact"), req.impact),
            (label("attributed"), "、".join(d.name for d in req.attributed_departments.all())),
        ]
    if collab.kind == Kind.COORDINATION:
        rows += [
            (
                label("core_problems"),
                "\n".join(
                    f"{i}. {p.description}({label('due')} {p.due_on})"
                    for i, p in enumerate(collab.core_problems.all(), start=1)
                ),
            ),
            (label("prior"), req.prior_communication),
        ]
    rows += [
        (label("suggested"), suggested),
        (label("timeline"), timeline),
        (label("risks"), req.risks),
        (label("resources"), f"{people} / {budget} / {req.equipment or '—'}"),
        (label("importance"), _pick(IMPORTANCE[collab.importance])),
        (label("confidential"), label("yes") if collab.confidential else label("no")),
        (label("attachments"), "\n".join(a.name for a in collab.attachments.all()) or "—"),
    ]
    return rows


def request_form(collab: Collaboration, user: Any = None) -> FormDoc:
    """Return the request form of `collab` (loaded by `selectors.detail_of`) as a FormDoc."""
    return FormDoc(
        title=label(f"title_{collab.kind}"),
        doc_type=label("doc_type"),
        name=collab.name,
        day=timezone.localdate(),
        fields=[Field(key, value or "") for key, value in _rows(collab)],
        blocks=[],
    )


def request_docx(collab: Collaboration) -> bytes:
    """Return the request form of `collab` (loaded by `selectors.detail_of`) as .docx bytes."""
    return render(request_form(collab), "docx")


def docx_response(collab: Collaboration) -> HttpResponse:
    return download(request_form(collab), "docx")
