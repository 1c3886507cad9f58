"""Two standard forms cut from the plan: 《项目章程》 and 《部门协作职责分工表》.

- 《项目章程》 (guide 004 (一)): the project's goals, scope, time, budget and
  each party's rights and duties, confirmed by every department head. The
  confirmation is the plan's sign-off (会签) flow: each head's decision and
  date come from it, so the charter says who has actually signed.
- 《部门协作职责分工表》 (guide 002 第二步, 表 of 第四章): the RACI matrix with
  each task's duty description and deliverable standard, and the key dates
  the department heads sign — on its own, because the guide files it as
  its own output and the acceptance group judges against it.

Both read the plan in force (else the one being drafted), like the plan form,
and are None while there is no plan. Registered in `knowledge/standard.py`.
"""

from typing import Any

from django.utils import timezone

from concord.collaborations.models import Collaboration
from concord.knowledge.forms import Block, Field, FormDoc, Table, day_text, name_of, t

from .exports import _words, raci_rows
from .models import PlanVersion, VersionState
from .outcomes import PURPOSE
from .selectors import current_draft, effective_plan, version_detail, wbs_items

DECISIONS = {
    "approve": ("已确认", "Confirmed"),
    "return": ("退回修改", "Returned for revision"),
    "reject": ("不同意", "Declined"),
}


def _version(collab: Collaboration) -> PlanVersion | None:
    version = effective_plan(collab) or current_draft(collab)
    return version_detail(version) if version is not None else None


def _header(collab: Collaboration, version: PlanVersion) -> list[Field]:
    return [
        Field(t("需求编号", "Request number"), collab.number or ""),
        Field(t("项目名称", "Project name"), collab.name),
        Field(t("计划版本", "Plan version"), f"v{version.number}"),
    ]


def _milestones(version: PlanVersion) -> Table:
    return Table(
        columns=[t("关键节点", "Key date"), t("日期", "Date"), t("交付物", "Deliverable")],
        rows=[[m.name, day_text(m.due_on), m.deliverable] for m in version.milestones.all()],
        widths=[3, 1.5, 3],
    )


def _signoff_by_user(collab: Collaboration, version: PlanVersion) -> dict[int, Any]:
    """Each signer's latest decision on this version's sign-off (user id → StepDecision)."""
    from concord.approvals.models import Flow, StepDecision
    from concord.approvals.selectors import flows_of

    if version.submitted_at is None:
        return {}  # never submitted (or in force without a sign-off): nobody has signed
    flow: Flow | None = (
        flows_of(collab).filter(purpose=PURPOSE, started_at__gte=version.submitted_at).last()
    )
    if flow is None:
        return {}
    decisions = StepDecision.objects.filter(step__flow=flow).order_by("decided_at", "id")
    return {d.approver_id: d for d in decisions}


def _signoff_table(collab: Collaboration, version: PlanVersion) -> Table:
    from concord.collaborations.selectors import department_heads_of

    decided = _signoff_by_user(collab, version)
    rows = []
    for pd, head in department_heads_of(collab):
        decision = decided.get(head.pk) if head is not None else None
        rows.append(
            [
                str(pd.department.name),
                name_of(head),
                t(*DECISIONS[decision.decision]) if decision else t("待确认", "Pending"),
                day_text(decision.decided_at) if decision else "",
                decision.comment if decision else "",
            ]
        )
    return Table(
        columns=[
            t("部门", "Department"),
            t("部门负责人", "Department head"),
            t("确认结果", "Confirmation"),
            t("日期", "Date"),
            t("意见", "Comment"),
        ],
        rows=rows,
        widths=[2, 1.5, 1.5, 2, 3],
    )


def _duties(version: PlanVersion) -> Table:
    """Each department's part: what it leads (R), approves (A), is consulted on (C) or told (I)."""
    parts: dict[str, dict[str, list[str]]] = {}

    def add(department: Any, letter: str, what: str) -> None:
        if department is not None and what:
            items = parts.setdefault(str(department.name), {}).setdefault(letter, [])
            if what not in items:
                items.append(what)

    for item in wbs_items(version):
        add(item.owner_department, "R", item.title)
    for deliverable in version.deliverables.all():
        add(deliverable.owner_department, "R", deliverable.name)
    titles = {w.pk: w.title for w in version.wbs.all()}
    titles_d = {d.pk: d.name for d in version.deliverables.all()}
    for cell in version.raci.all():
        what = titles.get(cell.wbs_item_id or 0) or titles_d.get(cell.deliverable_id or 0, "")
        add(cell.department, cell.letter, what)
    return Table(
        columns=[
            t("部门", "Department"),
            t("负责(R)", "Responsible (R)"),
            t("批准(A)", "Accountable (A)"),
            t("咨询(C)", "Consulted (C)"),
            t("知会(I)", "Informed (I)"),
        ],
        rows=[
            [name, *("、".join(letters.get(x, [])) for x in "RACI")]
            for name, letters in parts.items()
        ],
        widths=[2, 4, 2, 2, 2],
    )


def charter_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """《项目章程》: goals, scope, time, budget, duties and the department heads' confirmation."""
    from concord.collaborations.selectors import lead_of, sponsor_of

    version = _version(collab)
    if version is None:
        return None
    in_force = version.state in (VersionState.EFFECTIVE, VersionState.SUPERSEDED)
    fields = [
        *_header(collab, version),
        Field(t("发起部门", "Initiating department"), str(collab.department.name)),
        Field(t("项目发起人", "Sponsor"), name_of(sponsor_of(collab))),
        Field(t("项目负责人", "Project lead"), name_of(lead_of(collab))),
        Field(
            t("项目周期", "Period"), f"{day_text(version.starts_on)} – {day_text(version.ends_on)}"
        ),
        Field(t("预算", "Budget"), f"¥{version.budget:,.2f}" if version.budget is not None else ""),
        Field(t("生效时间", "In force since"), day_text(version.effective_at) if in_force else ""),
    ]
    goals = Table(
        columns=[t("目标", "Goal"), t("衡量标准", "Measure"), t("目标日期", "Target date")],
        rows=[[g.text, g.measure, day_text(g.target_on)] for g in version.goals.all()],
        widths=[4, 3, 1.5],
    )
    scope = [
        Field(t("范围(包含)", "In scope"), version.scope_in),
        Field(t("范围(不包含)", "Out of scope"), version.scope_out),
    ]
    return FormDoc(
        title=t("项目章程", "Project charter"),
        doc_type=t("项目章程", "Project charter"),
        name=collab.name,
        day=timezone.localdate(),
        note=f"{collab.number or ''} v{version.number}".strip(),
        fields=fields,
        blocks=[
            Block(heading=t("一、项目目标", "1. Goals"), tables=[goals]),
            Block(heading=t("二、项目范围", "2. Scope"), fields=scope),
            Block(heading=t("三、里程碑节点", "3. Milestones"), tables=[_milestones(version)]),
            Block(heading=t("四、各方权责", "4. Parties and duties"), tables=[_duties(version)]),
            Block(
                heading=t("五、部门负责人签字确认", "5. Confirmation by the department heads"),
                tables=[_signoff_table(collab, version)],
            ),
        ],
        signatures=[t("项目发起人", "Sponsor"), t("项目负责人", "Project lead")],
    )


def raci_form(collab: Collaboration, user: Any = None) -> FormDoc | None:
    """《部门协作职责分工表》: the RACI matrix, duties and standards, and the key dates."""
    version = _version(collab)
    if version is None:
        return None
    words = _words()
    matrix = Table(
        columns=list(words["headers"]), rows=raci_rows(version), widths=[3, 2, 2, 2, 2, 3, 3]
    )
    return FormDoc(
        title=t("部门协作职责分工表", "Department collaboration responsibility matrix"),
        doc_type=t("部门协作职责分工表", "RACI"),
        name=collab.name,
        day=timezone.localdate(),
        note=f"{collab.number or ''} v{version.number}".strip(),
        fields=_header(collab, version),
        blocks=[
            Block(heading=t("一、职责分工", "1. Responsibilities"), tables=[matrix]),
            Block(heading=t("二、关键时间节点", "2. Key dates"), tables=[_milestones(version)]),
            Block(
                heading=t("三、部门负责人签字确认", "3. Confirmation by the department heads"),
                tables=[_signoff_table(collab, version)],
            ),
        ],
    )
