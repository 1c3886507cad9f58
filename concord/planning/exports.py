"""《部门协作职责分工表》 as .xlsx, in the guide's layout.

Title row, then the columns 任务/交付物, 负责部门(R), 批准(A), 咨询(C),
知会(I), 职责描述, 交付标准 (English headers when the reader's language is
English), one row per task (in WBS order, with its code) and deliverable.
"""

from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, Field, FormDoc, Table, day_text, name_of, t
from concord.knowledge.naming import content_disposition, document_name

from .models import PlanVersion, VersionState
from .selectors import current_draft, effective_plan, version_detail, wbs_items, wbs_tree

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_ZH = {
    "title": "部门协作职责分工表",
    "headers": [
        "任务/交付物",
        "负责部门(R)",
        "批准(A)",
        "咨询(C)",
        "知会(I)",
        "职责描述",
        "交付标准",
    ],
    "version": "版本",
}
_EN = {
    "title": "Department collaboration responsibility matrix",
    "headers": [
        "Task / deliverable",
        "Responsible (R)",
        "Accountable (A)",
        "Consulted (C)",
        "Informed (I)",
        "Duty description",
        "Deliverable standard",
    ],
    "version": "version",
}


def _words() -> dict[str, Any]:
    from django.utils.translation import get_language

    return _EN if (get_language() or "zh-hans").lower().startswith("en") else _ZH


def _party(cell: Any) -> str:
    if cell.department_id:
        return str(cell.department.name)
    person = getattr(cell.person, "person", None)
    return str(person.name) if person is not None else str(cell.person.get_username())


def raci_rows(version: PlanVersion) -> list[list[str]]:
    """Return the table's rows (without headers); `version` comes from `version_detail`."""
    parties: dict[str, dict[str, list[str]]] = {}
    for cell in version.raci.all():
        key = f"wbs-{cell.wbs_item_id}" if cell.wbs_item_id else f"d-{cell.deliverable_id}"
        parties.setdefault(key, {}).setdefault(cell.letter, []).append(_party(cell))
    entries: list[tuple[str, str, Any]] = [
        (f"wbs-{t.item.pk}", f"{t.code} {t.item.title}", t.item) for t in wbs_tree(version)
    ]
    entries += [(f"d-{d.pk}", d.name, d) for d in version.deliverables.all()]
    rows = []
    for key, label, item in entries:
        letters = parties.get(key, {})
        rows.append(
            [
                label,
                *("、".join(letters.get(letter, [])) for letter in "RACI"),
                item.duty,
                item.standard,
            ]
        )
    return rows


def raci_xlsx(collab: Collaboration, version: PlanVersion) -> bytes:
    words = _words()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "RACI"
    sheet.append(
        [f"{words['title']} — {collab.number} {collab.name} ({words['version']} {version.number})"]
    )
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(words["headers"])
    for header in sheet[2]:
        header.font = Font(bold=True)
    for values in raci_rows(version):
        sheet.append(values)
    for letter, width in zip("ABCDEFG", (36, 16, 16, 16, 16, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filename(collab: Collaboration) -> str:
    """Return 「名称-日期-类型」.xlsx, e.g. 新品上市推广-2026-11-21-部门协作职责分工表.xlsx."""
    kind = "RACI" if _words() is _EN else str(_ZH["title"])
    return document_name(collab.name, timezone.localdate(), kind, "xlsx")


def raci_response(collab: Collaboration, version: PlanVersion) -> HttpResponse:
    response = HttpResponse(raci_xlsx(collab, version), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(filename(collab))
    return response


STATES = {
    VersionState.DRAFT: ("草稿", "Draft"),
    VersionState.IN_SIGNOFF: ("会签中", "In sign-off"),
    VersionState.EFFECTIVE: ("已生效", "Effective"),
    VersionState.SUPERSEDED: ("已被替代", "Superseded"),
}


def plan_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """《跨部门协作计划书》: the plan in force (else the one being drafted), WBS,
    milestones, deliverables, resources and the RACI matrix; None without a plan."""
    version = effective_plan(collab) or current_draft(collab)
    if version is None:
        return None
    version = version_detail(version)
    state = STATES.get(VersionState(version.state), (version.state, version.state))
    budget = f"¥{version.budget:,.2f}" if version.budget is not None else ""
    fields = [
        Field(t("需求编号", "Request number"), collab.number or ""),
        Field(t("项目名称", "Project name"), collab.name),
        Field(t("计划版本", "Plan version"), f"v{version.number} {t(*state)}"),
        Field(t("生效时间", "In force since"), day_text(version.effective_at)),
        Field(
            t("计划周期", "Period"), f"{day_text(version.starts_on)} – {day_text(version.ends_on)}"
        ),
        Field(t("预算", "Budget"), budget),
        Field(t("范围(包含)", "In scope"), version.scope_in),
        Field(t("范围(不包含)", "Out of scope"), version.scope_out),
    ]
    if version.root_cause or version.outcome:
        fields += [
            Field(t("确认的根本原因", "Agreed root cause"), version.root_cause),
            Field(t("确认的预期结果", "Agreed outcome"), version.outcome),
        ]
    goals = Table(
        columns=[t("目标", "Goal"), t("衡量标准", "Measure"), t("目标日期", "Target date")],
        rows=[[g.text, g.measure, day_text(g.target_on)] for g in version.goals.all()],
        widths=[4, 3, 1.5],
    )
    wbs = Table(
        columns=[
            t("编号", "Code"),
            t("任务", "Task"),
            t("负责部门", "Department"),
            t("负责人", "Owner"),
            t("开始", "Start"),
            t("结束", "End"),
            t("工期(工作日)", "Working days"),
            t("交付物", "Deliverable"),
        ],
        rows=[
            [
                item.code,  # type: ignore[attr-defined]
                ("  " * item.depth) + item.title,  # type: ignore[attr-defined]
                item.owner_department.name if item.owner_department else "",
                name_of(item.owner),
                day_text(item.starts_on),
                day_text(item.ends_on),
                "" if item.duration_days is None else str(item.duration_days),
                item.deliverable,
            ]
            for item in wbs_items(version)
        ],
        widths=[1, 4, 2, 1.5, 2, 2, 1.2, 3],
    )
    milestones = Table(
        columns=[t("里程碑", "Milestone"), t("日期", "Date"), t("交付物", "Deliverable")],
        rows=[[m.name, day_text(m.due_on), m.deliverable] for m in version.milestones.all()],
        widths=[3, 1.5, 3],
    )
    deliverables = Table(
        columns=[
            t("交付物", "Deliverable"),
            t("负责部门", "Department"),
            t("交付标准", "Acceptance standard"),
            t("职责描述", "Duty description"),
        ],
        rows=[
            [d.name, d.owner_department.name if d.owner_department else "", d.standard, d.duty]
            for d in version.deliverables.all()
        ],
        widths=[3, 2, 4, 3],
    )
    resources = Table(
        columns=[
            t("资源", "Resource"),
            t("提供部门", "Department"),
            t("数量/金额", "Amount"),
            t("使用期间", "Period"),
        ],
        rows=[
            [r.name, r.department.name if r.department else "", r.amount, r.period]
            for r in version.resources.all()
        ],
        widths=[3, 2, 2, 2],
    )
    words = _words()
    raci = Table(
        columns=list(words["headers"]), rows=raci_rows(version), widths=[3, 2, 2, 2, 2, 3, 3]
    )
    return FormDoc(
        title=t("跨部门协作计划书", "Cross-department collaboration plan"),
        doc_type=t("协作计划书", "Collaboration plan"),
        name=collab.name,
        day=timezone.localdate(),
        note=f"{collab.number or ''} v{version.number}".strip(),
        fields=fields,
        blocks=[
            Block(heading=t("一、目标", "1. Goals"), tables=[goals]),
            Block(heading=t("二、工作分解(WBS)", "2. Work breakdown (WBS)"), tables=[wbs]),
            Block(heading=t("三、里程碑计划", "3. Milestones"), tables=[milestones]),
            Block(
                heading=t("四、交付物及标准", "4. Deliverables and standards"),
                tables=[deliverables],
            ),
            Block(heading=t("五、资源及分配", "5. Resources"), tables=[resources]),
            Block(
                heading=t("六、部门协作职责分工表", "6. Responsibility matrix (RACI)"),
                tables=[raci],
            ),
        ],
        signatures=[
            t("发起部门负责人", "Initiating department head"),
            t("项目负责人", "Project lead"),
            t("参与部门负责人", "Participating department heads"),
        ],
    )
