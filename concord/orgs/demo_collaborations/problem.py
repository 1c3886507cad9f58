"""Sample 2: 客户投诉响应超时, a problem-solving collaboration in acceptance and verification.

客服部 (蒋涛 initiates and leads, 孙浩 sponsors) with 数据部 and 研发部.
The plan (root cause, SMART goals, tasks with owners and deliverables) is
signed; every task is done. Acceptance: 工单分级处理流程 needed a rework
round before it passed, 超时预警看板 passed at once. Effect verification
has started: 数据部 has answered, 客服部 and 研发部 (吴昊) are asked.
"""

from decimal import Decimal

from concord.closing.acceptance import selectors as acceptance_selectors
from concord.closing.acceptance import services as acceptance
from concord.closing.acceptance.models import Submission
from concord.collaborations import services as collab_services
from concord.collaborations import team_services
from concord.collaborations.inputs import RequestInput, SuggestedRow
from concord.collaborations.models import Collaboration
from concord.planning import services as plan_services
from concord.planning.outcomes import PURPOSE as SIGNOFF
from concord.tasks import services as task_services
from concord.tasks.models import Status

from .common import approve_all, days, dept, established, existing, user, working_days

NAME = "客户投诉响应超时"


def build() -> Collaboration | None:
    if existing(NAME) is not None:
        return None
    collab = established(
        user("jiangtao"), _request(), comments={"zhuxiaoyan": "同意,请尽快拿出改进方案。"}
    )
    _team(collab)
    _plan(collab)
    _finish_tasks(collab)
    _acceptance(collab)
    _verification(collab)
    return collab


def _request() -> RequestInput:
    return RequestInput(
        kind="problem",
        name=NAME,
        importance="normal",
        contact_phone="13800000044",
        contact_email="jiangtao@demo.concord.local",
        background="近两个月客户投诉首次响应时间持续超出服务承诺,二次投诉明显增加。",
        goals="紧急投诉 4 小时内首次响应\n全部投诉 24 小时内首次响应",
        start_on=days(-40),
        end_on=days(20),
        risks="工单系统改造需要研发排期。",
        people_count=6,
        budget=Decimal("50000.00"),
        suggested=[
            SuggestedRow(dept("data"), [user("luxin")]),
            SuggestedRow(dept("rnd"), [user("pengyu")]),
        ],
        phenomenon="客户投诉平均首次响应时间达 36 小时,超出 24 小时的服务承诺。",
        root_cause="工单未分级,紧急投诉与普通咨询在同一队列排队;缺少超时预警。",
        impact="上月因响应超时产生二次投诉 120 起,客户满意度下降 8 个百分点。",
        attributed_departments=[dept("service")],
    )


def _team(collab: Collaboration) -> None:
    jiangtao = user("jiangtao")
    team_services.team_set_lead(actor=jiangtao, collaboration=collab, user=jiangtao)
    team_services.team_set_sponsor(actor=jiangtao, collaboration=collab, user=user("sunhao"))
    for head, code, contact in (("hejun", "data", "luxin"), ("wuhao", "rnd", "pengyu")):
        collab_services.contact_nominate(
            actor=user(head), collaboration=collab, department=dept(code), person=user(contact)
        )
    team_services.member_add(actor=jiangtao, collaboration=collab, user=user("panli"))


#: 任务描述, department, owner, start (days from today), working days, 交付成果.
WBS = [
    ("制定投诉工单分级处理流程", "service", "jiangtao", -30, 8, "工单分级处理流程"),
    ("开发响应超时预警看板", "data", "luxin", -28, 10, "超时预警看板"),
    ("工单系统增加分级字段与自动派单", "rnd", "pengyu", -28, 10, "自动派单功能"),
]

DELIVERABLES = [
    ("工单分级处理流程", "service", "覆盖全部投诉类型\n明确各级响应时限\n客服部全员完成培训"),
    ("超时预警看板", "data", "超时前 2 小时自动预警\n数据延迟不超过 5 分钟"),
]

MEASURES = ["紧急投诉首次响应时长(小时)≤ 4", "投诉首次响应时长(小时)≤ 24"]


def _plan(collab: Collaboration) -> None:
    lead = user("jiangtao")
    save = plan_services.plan_item_save
    version = plan_services.plan_draft(actor=lead, collaboration=collab)
    plan_services.plan_update(
        actor=lead,
        collaboration=collab,
        data={"summary": "问题定义已与数据部、研发部对齐;按根因拆解为三项任务。"},
    )
    for goal, measure in zip(version.goals.order_by("position"), MEASURES, strict=False):
        save(
            actor=lead,
            collaboration=collab,
            section="goals",
            item_id=goal.pk,
            data={"measure": measure, "target_on": days(20)},
        )
    for title, code, owner, start, length, output in WBS:
        row = save(
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
        _raci(collab, "wbs", row.pk, code)
    for name, code, standard in DELIVERABLES:
        row = save(
            actor=lead,
            collaboration=collab,
            section="deliverables",
            data={"name": name, "owner_department": dept(code).pk, "standard": standard},
        )
        _raci(collab, "deliverable", row.pk, code)
    plan_services.plan_submit_for_signoff(actor=lead, collaboration=collab)
    approve_all(collab, SIGNOFF, {"hejun": "数据部负责预警看板,同意。", "wuhao": "同意。"})


def _raci(collab: Collaboration, row: str, row_id: int, code: str) -> None:
    lead = user("jiangtao")
    for letter, party in (("A", {"person_id": lead.pk}), ("R", {"department_id": dept(code).pk})):
        plan_services.raci_set(
            actor=lead, collaboration=collab, row=row, row_id=row_id, letter=letter, **party
        )


def _finish_tasks(collab: Collaboration) -> None:
    """Every task is done; key deliverables were reviewed by 蒋涛 (accountable)."""
    tasks = task_services.tasks_from_plan(actor=user("jiangtao"), collaboration=collab)
    for task in tasks:
        moved = task_services.task_move(actor=task.owner, task=task, status=Status.DONE)
        if moved.status != Status.DONE and moved.reviewer is not None:
            task_services.task_review(actor=moved.reviewer, task=moved, approve=True)


def _submit(collab: Collaboration, who: str, name: str, note: str = "") -> Submission:
    """Submit the deliverable with every line of its self-check met."""
    row = next(r for r in acceptance_selectors.rows_of(collab) if r.name == name)
    lines = acceptance.standards_of(row.standard, row.name)
    return acceptance.acceptance_submit(
        actor=user(who),
        collaboration=collab,
        deliverable_key=row.key,
        answers=[acceptance.CheckAnswer("met") for _ in lines],
        note=note,
    )


def _acceptance(collab: Collaboration) -> None:
    judge = user("zhuxiaoyan")
    acceptance.acceptance_group_set(
        actor=user("jiangtao"),
        collaboration=collab,
        lead=judge,
        members=[user("hejun")],
        mode="lead",
    )
    first = _submit(collab, "jiangtao", "工单分级处理流程", "流程文件与培训签到表见附件。")
    acceptance.acceptance_judge(
        actor=judge,
        submission=first,
        verdict="rework",
        note="分级标准未覆盖夜间值班场景,请补充后重新组织培训。",
        rework_due=working_days(3),
    )
    again = _submit(
        collab, "jiangtao", "工单分级处理流程", "已补充夜间值班分级规则并完成全员培训。"
    )
    acceptance.acceptance_judge(actor=judge, submission=again, verdict="pass", note="通过。")
    board = _submit(collab, "luxin", "超时预警看板")
    acceptance.acceptance_judge(
        actor=judge, submission=board, verdict="pass", note="预警准确,通过。"
    )


def _verification(collab: Collaboration) -> None:
    verification = acceptance.verification_start(actor=user("jiangtao"), collaboration=collab)
    acceptance.verification_feedback(
        actor=user("hejun"),
        verification=verification,
        department=dept("data"),
        rating="effective",
        text="预警看板上线两周,超时工单减少 70%。",
    )
