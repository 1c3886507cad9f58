"""Sample 3: 年终大促资源协调, a coordination that is closed (已结项).

运营部 (曾琳 initiates) with 财务部 and 法务部: two core problems, a plan
that took effect without sign-off (the coordination default), the
coordination meeting with its decisions, the communication retrospective
(which fills the 反馈与改进记录表), then the close, which queues the
final archive bundle; the runner builds it in the background.
"""

from concord.closing.archive import services as archive_services
from concord.closing.reviews import services as review_services
from concord.closing.reviews.models import PointKind, RetroKind
from concord.collaborations import services as collab_services
from concord.collaborations.inputs import DatedRow, RequestInput, SuggestedRow
from concord.collaborations.models import Collaboration
from concord.meetings import services as meeting_services
from concord.planning import services as plan_services
from concord.planning.models import PlanVersion

from .common import days, dept, established, existing, recent_start, user, working_days

NAME = "年终大促资源协调"


def build() -> Collaboration | None:
    if existing(NAME) is not None:
        return None
    collab = established(user("zenglin"), _request(), comments={"xuli": "同意。"})
    for head, code, contact in (("liuyang", "finance", "baiyun"), ("guoqing", "legal", "wenqian")):
        collab_services.contact_nominate(
            actor=user(head), collaboration=collab, department=dept(code), person=user(contact)
        )
    _plan(collab)
    _meeting(collab)
    _retrospective(collab)
    return archive_services.collaboration_close(
        actor=user("zenglin"),
        collaboration=collab,
        note="两项核心问题均已在协调会上达成一致并落实,协调结项。",
    )


def _request() -> RequestInput:
    return RequestInput(
        kind="coordination",
        name=NAME,
        importance="normal",
        contact_phone="13800000040",
        contact_email="zenglin@demo.concord.local",
        background="年终大促需要财务部确认预算分摊、法务部审核活动规则,涉及三个部门。",
        goals="大促开始前确定预算分摊方案并完成活动规则合规审核",
        start_on=days(-20),
        end_on=days(10),
        suggested=[
            SuggestedRow(dept("finance"), [user("baiyun")]),
            SuggestedRow(dept("legal"), [user("wenqian")]),
        ],
        core_problems=[
            DatedRow("促销预算分摊比例确认", days(3)),
            DatedRow("活动规则与赠品条款合规审核", days(7)),
        ],
        prior_communication="已与财务部白云、法务部温倩电话沟通,双方同意参与协调会。",
    )


def _plan(collab: Collaboration) -> None:
    """The core problems become the plan's items; without sign-off it takes effect at once."""
    zenglin = user("zenglin")
    version = plan_services.plan_draft(actor=zenglin, collaboration=collab)
    plan_services.plan_update(
        actor=zenglin,
        collaboration=collab,
        data={"outcome": "预算由运营部与市场部按 6:4 分摊;法务部在大促前完成规则审核。"},
    )
    owners = {"促销预算分摊比例确认": "finance", "活动规则与赠品条款合规审核": "legal"}
    for item in PlanVersion.objects.get(pk=version.pk).wbs.all():
        for letter, party in (
            ("A", {"person_id": zenglin.pk}),
            ("R", {"department_id": dept(owners.get(item.title, "ops")).pk}),
        ):
            plan_services.raci_set(
                actor=zenglin,
                collaboration=collab,
                row="wbs",
                row_id=item.pk,
                letter=letter,
                **party,
            )
    plan_services.plan_submit_for_signoff(actor=zenglin, collaboration=collab)


def _meeting(collab: Collaboration) -> None:
    zenglin = user("zenglin")
    meeting = meeting_services.meeting_schedule(
        actor=zenglin,
        collaboration=collab,
        kind="coordination",
        title="年终大促资源协调会",
        starts_at=recent_start(),
        duration_minutes=45,
        host=zenglin,
        note_taker=user("shenyue"),
        attendees=[user(u) for u in ("xuli", "baiyun", "wenqian")],
        place="线上会议",
    )
    meeting_services.decision_add(
        actor=zenglin,
        meeting=meeting,
        text="大促预算由运营部与市场部按 6:4 分摊,财务部出具分摊单。",
    )
    meeting_services.decision_add(
        actor=zenglin, meeting=meeting, text="活动规则中的赠品条款按法务部意见修改后发布。"
    )
    meeting_services.minutes_publish(actor=zenglin, meeting=meeting)


def _retrospective(collab: Collaboration) -> None:
    zenglin = user("zenglin")
    retro = review_services.retrospective_start(
        actor=zenglin,
        collaboration=collab,
        kind=RetroKind.COMMUNICATION,
        summary="一次协调会解决两项核心问题,比原计划提前结项。",
    )
    review_services.retro_point_add(
        actor=zenglin,
        retro=retro,
        kind=PointKind.WORKED,
        text="会前把核心问题和截止日期发给各部门,会上直接拍板。",
    )
    review_services.retro_point_add(
        actor=user("wenqian"),
        retro=retro,
        kind=PointKind.IMPROVE,
        text="活动规则初稿给法务的时间偏紧,下次至少提前 5 个工作日。",
    )
    review_services.measure_add(
        actor=zenglin,
        parent=retro,
        text="大促活动规则模板化,提前发法务预审",
        owner=user("zenglin"),
        due_on=working_days(10),
    )
    review_services.retrospective_publish(actor=zenglin, retro=retro)
