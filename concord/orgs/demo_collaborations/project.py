"""Sample 1: 新品上市推广, a cross-department project under way (执行中).

市场部 (李娜 initiates, 王芳 leads) with 研发部, 设计部 and 销售部. The
request is important with a budget over 500,000, so it went to 张伟, 赵敏
and 王建国; the plan (WBS, milestones, deliverables, RACI) is signed by
every head; the communication plan is proposed and mostly confirmed. The
work on the board, the meeting, the issue and the change notice are in
`project_work`.
"""

from decimal import Decimal
from typing import Any

from concord.collaborations import services as collab_services
from concord.collaborations import team_services
from concord.collaborations.inputs import DatedRow, RequestInput, SuggestedRow
from concord.collaborations.models import Collaboration
from concord.communication import services as comm_services
from concord.planning import services as plan_services
from concord.planning.models import PlanVersion
from concord.planning.outcomes import PURPOSE as SIGNOFF

from . import project_work
from .common import approve_all, days, dept, established, existing, user

NAME = "新品上市推广"


def build() -> Collaboration | None:
    """Create the sample unless an earlier run did; return it when created."""
    if existing(NAME) is not None:
        return None
    collab = established(
        user("lina"),
        _request(),
        comments={
            "zhangwei": "同意立项,市场部全力配合。",
            "zhaomin": "新品上市是本季度重点,同意。",
            "wangjianguo": "同意,预算按计划书执行,注意控制发布会成本。",
        },
    )
    _team(collab)
    _plan(collab)
    _comm_plan(collab)
    project_work.build(collab)
    return collab


def _request() -> RequestInput:
    return RequestInput(
        kind="project",
        name=NAME,
        importance="important",
        contact_phone="13800000017",
        contact_email="lina@demo.concord.local",
        background=(
            "智能手环 X2 即将量产,需要市场、研发、设计、销售四个部门协同完成上市推广,"
            "确保按期发布并达成首月销量目标。"
        ),
        goals="正式上市前完成全渠道铺货\n首月销量达到 1 万台\n发布会后两周内媒体报道 50 篇以上",
        start_on=days(-21),
        end_on=days(90),
        risks="样机性能测试进度存在不确定性;渠道备货周期较长。",
        people_count=12,
        budget=Decimal("800000.00"),
        equipment="发布会场地及展台一套",
        suggested=[
            SuggestedRow(dept("rnd"), [user("dengchao")]),
            SuggestedRow(dept("design"), [user("xiena")]),
            SuggestedRow(dept("sales"), [user("songjia")]),
        ],
        key_dates=[
            DatedRow("推广方案确认", days(7)),
            DatedRow("宣传物料定稿", days(21)),
            DatedRow("正式上市", days(45)),
        ],
    )


def _team(collab: Collaboration) -> None:
    lina = user("lina")
    team_services.team_set_lead(actor=lina, collaboration=collab, user=user("wangfang"))
    team_services.team_set_sponsor(actor=lina, collaboration=collab, user=user("liqiang"))
    for head, code, contact in (
        ("wuhao", "rnd", "dengchao"),
        ("zhouting", "design", "xiena"),
        ("huanglei", "sales", "songjia"),
    ):
        collab_services.contact_nominate(
            actor=user(head), collaboration=collab, department=dept(code), person=user(contact)
        )
    wangfang = user("wangfang")
    team_services.member_add(actor=wangfang, collaboration=collab, user=user("zhoujie"))
    team_services.member_add(actor=user("wuhao"), collaboration=collab, user=user("xujing"))


#: WBS rows: title, department, owner, start (days from today), working days, deliverable.
WBS = [
    ("目标用户与竞品调研", "market", "zhoujie", -18, 10, "推广方案"),
    ("样机性能优化与量产验证", "rnd", "dengchao", -14, 25, "量产验证报告"),
    ("包装与宣传物料设计", "design", "xiena", -7, 15, "宣传物料"),
    ("渠道铺货与备货计划", "sales", "songjia", -3, 15, "渠道铺货计划"),
    ("上市发布会筹备", "market", "wangfang", 20, 12, "发布会执行方案"),
]

#: Plan deliverables: name, department, acceptance standard (one line each).
DELIVERABLES = [
    ("推广方案", "market", "含预算明细\n含线上线下投放节奏\n经销售部确认渠道策略"),
    ("宣传物料", "design", "符合品牌视觉规范\n通过法务广告合规审核"),
    ("渠道铺货计划", "sales", "覆盖全部一级经销商\n明确各渠道首批备货量"),
]

MEASURES = ["上市前一周铺货率 100%", "首月销量 ≥ 10000 台", "媒体报道数 ≥ 50 篇"]
MILESTONE_OUTPUTS = ["推广方案", "宣传物料终稿", "上市新闻稿"]


def _plan(collab: Collaboration) -> PlanVersion:
    lead = user("wangfang")
    save = plan_services.plan_item_save
    version = plan_services.plan_draft(actor=lead, collaboration=collab)
    plan_services.plan_update(
        actor=lead,
        collaboration=collab,
        data={
            "summary": "首版计划:四个部门的分工、里程碑与交付成果。",
            "scope_in": "线上线下推广、包装与宣传物料、渠道铺货、上市发布会",
            "scope_out": "海外市场推广;售后服务体系调整",
        },
    )
    for goal, measure in zip(version.goals.order_by("position"), MEASURES, strict=False):
        save(
            actor=lead,
            collaboration=collab,
            section="goals",
            item_id=goal.pk,
            data={"measure": measure},
        )
    for stone, output in zip(
        version.milestones.order_by("position"), MILESTONE_OUTPUTS, strict=False
    ):
        save(
            actor=lead,
            collaboration=collab,
            section="milestones",
            item_id=stone.pk,
            data={"deliverable": output},
        )
    rows = [
        save(
            actor=lead,
            collaboration=collab,
            section="wbs",
            data={
                "title": title,
                "owner_department": dept(code).pk,
                "owner": user(owner).pk,
                "starts_on": days(start),
                "duration_days": length,
                "deliverable": output,
            },
        )
        for title, code, owner, start, length, output in WBS
    ]
    deliverables = [
        save(
            actor=lead,
            collaboration=collab,
            section="deliverables",
            data={"name": name, "owner_department": dept(code).pk, "standard": standard},
        )
        for name, code, standard in DELIVERABLES
    ]
    for (_t, code, *_rest), row in zip(WBS, rows, strict=True):
        _raci(collab, "wbs", row.pk, code, consulted="market" if code != "market" else "sales")
    for (_n, code, _s), row in zip(DELIVERABLES, deliverables, strict=True):
        _raci(collab, "deliverable", row.pk, code, consulted="rnd" if code == "design" else None)
    plan_services.plan_submit_for_signoff(actor=lead, collaboration=collab)
    approve_all(
        collab,
        SIGNOFF,
        {
            "zhangwei": "同意。",
            "wuhao": "研发排期已确认,同意。",
            "zhouting": "设计部按计划投入两名设计师。",
            "huanglei": "同意,渠道策略需在推广方案确认前定稿。",
        },
    )
    return PlanVersion.objects.get(plan__collaboration=collab, state="effective")


def _raci(collab: Collaboration, row: str, row_id: int, code: str, consulted: Any) -> None:
    """The lead is accountable (A), the owning department responsible (R), another consulted."""
    lead = user("wangfang")
    cells: list[tuple[str, dict[str, int]]] = [
        ("A", {"person_id": lead.pk}),
        ("R", {"department_id": dept(code).pk}),
    ]
    if consulted:
        cells.append(("C", {"department_id": dept(consulted).pk}))
    for letter, party in cells:
        plan_services.raci_set(
            actor=lead, collaboration=collab, row=row, row_id=row_id, letter=letter, **party
        )


def _comm_plan(collab: Collaboration) -> None:
    """Propose the default plan; every department but 销售部 has confirmed it."""
    comm_services.comm_plan_create(actor=user("wangfang"), collaboration=collab)
    for who, code in (("lina", "market"), ("dengchao", "rnd"), ("xiena", "design")):
        comm_services.comm_plan_confirm(
            actor=user(who), collaboration=collab, department=dept(code)
        )
