"""The work of 新品上市推广 once its plan is in effect (执行与监控).

Tasks built from the plan in four states (调研 done after its review, 样机
and 渠道 in progress, 物料 blocked by 样机, 发布会 not started), the week's
meeting with its decisions and an action item that became a task, the
样机续航 issue escalated to level 2 (王芳, the lead), and a change notice.
"""

from typing import Any

from concord.changes import services as change_services
from concord.changes.models import ChangeAcknowledgement
from concord.collaborations.models import Collaboration
from concord.issues import services as issue_services
from concord.meetings import services as meeting_services
from concord.meetings.models import DecisionKind, Meeting
from concord.tasks import services as task_services
from concord.tasks.models import Status, Task

from .common import days, dept, recent_start, user, working_days


def build(collab: Collaboration) -> None:
    _tasks(collab)
    _meeting(collab)
    _issue(collab)
    _change(collab)


def _tasks(collab: Collaboration) -> dict[str, Task]:
    created = task_services.tasks_from_plan(actor=user("wangfang"), collaboration=collab)
    tasks = {t.title: t for t in created}
    research = tasks["目标用户与竞品调研"]
    zhoujie = user("zhoujie")
    task_services.progress_post(
        actor=zhoujie,
        task=research,
        text="竞品分析与用户画像完成,推广方案初稿已提交王芳审阅。",
        percent_done=100,
    )
    research = task_services.task_move(actor=zhoujie, task=research, status=Status.DONE)
    if research.reviewer is not None:  # a key deliverable: its accountable party reviews it
        task_services.task_review(
            actor=research.reviewer, task=research, approve=True, comment="方案完整,通过。"
        )

    prototype = tasks["样机性能优化与量产验证"]
    dengchao = user("dengchao")
    task_services.task_move(actor=dengchao, task=prototype, status=Status.IN_PROGRESS)
    task_services.progress_post(
        actor=dengchao,
        task=prototype,
        text="跌落与防水测试通过;续航测试未达标,正在优化固件功耗。",
        percent_done=60,
        blocker="续航仅 5 天,低于 7 天的设计目标",
    )

    task_services.task_move(
        actor=user("xiena"),
        task=tasks["包装与宣传物料设计"],
        status=Status.BLOCKED,
        blocked_reason="等待研发确认最终外观尺寸,包装结构无法定稿。",
        blocked_by_task=prototype,
    )

    channels = tasks["渠道铺货与备货计划"]
    songjia = user("songjia")
    task_services.task_move(actor=songjia, task=channels, status=Status.IN_PROGRESS)
    task_services.progress_post(
        actor=songjia, task=channels, text="已与 8 家一级经销商确认首批备货意向。", percent_done=30
    )
    return tasks


def _meeting(collab: Collaboration) -> Meeting:
    """This week's meeting, held a few hours ago; its minutes are published."""
    lead = user("wangfang")
    meeting = meeting_services.meeting_schedule(
        actor=lead,
        collaboration=collab,
        kind="weekly",
        title="新品上市推广周例会",
        starts_at=recent_start(),
        duration_minutes=60,
        host=lead,
        note_taker=user("zhoujie"),
        attendees=[user(u) for u in ("lina", "dengchao", "xiena", "songjia", "xujing")],
        place="3 楼大会议室",
        agenda=[
            {"title": "上周进展回顾", "minutes": 15, "presenter": user("zhoujie")},
            {"title": "样机续航问题讨论", "minutes": 20, "presenter": user("dengchao")},
            {"title": "物料与渠道排期", "minutes": 15, "presenter": user("xiena")},
            {"title": "待办明确", "minutes": 10, "presenter": lead},
        ],
    )
    first = meeting.agenda.order_by("position").first()
    if first is not None:
        meeting_services.key_points_note(
            actor=lead, item=first, text="调研已完成并通过评审;渠道备货意向已覆盖 8 家经销商。"
        )
    meeting_services.decision_add(
        actor=lead,
        meeting=meeting,
        text="包装设计先按现有样机尺寸出初稿,研发部 3 个工作日内确认最终尺寸。",
    )
    meeting_services.decision_add(
        actor=lead,
        meeting=meeting,
        kind=DecisionKind.CONSENSUS,
        text="发布会日期暂不调整,续航问题如一周内无法解决再议。",
    )
    meeting_services.disagreements_note(
        actor=lead, meeting=meeting, text="销售部希望提前铺货,研发部建议等量产验证完成后再定。"
    )
    meeting_services.action_add(
        actor=lead,
        meeting=meeting,
        description="完成官网新品介绍页开发",
        owner=user("xujing"),
        due_on=working_days(5),
        deliverable="官网新品页",
    )
    meeting = meeting_services.minutes_publish(actor=lead, meeting=meeting)
    meeting_services.minutes_confirm(actor=user("dengchao"), meeting=meeting)
    return meeting


def _issue(collab: Collaboration) -> Any:
    """邓超 raises the battery issue, posts an update, and escalates it to the lead (level 2)."""
    dengchao = user("dengchao")
    issue = issue_services.issue_raise(
        actor=dengchao,
        collaboration=collab,
        title="样机续航测试未达标",
        owner=dengchao,
        phenomenon="第二批样机续航仅 5 天,低于 7 天的设计目标。",
        root_cause="初步判断为新固件蓝牙广播间隔过短导致功耗偏高。",
        impact_business="如不能解决,正式上市可能推迟两周。",
        impact_teams="设计部包装定稿、销售部备货节奏受影响。",
        departments=[dept("rnd"), dept("design")],
    )
    issue_services.issue_update_post(
        actor=dengchao, issue=issue, body="已定位到蓝牙广播间隔问题,固件优化版本测试中。"
    )
    return issue_services.issue_escalate(
        actor=dengchao,
        issue=issue,
        reason="需要协调设计部调整包装排期并追加测试设备,超出研发部自身权限。",
    )


def _change(collab: Collaboration) -> None:
    """The lead moves the materials deadline by a week; 谢娜 (设计部) has read it."""
    notice = change_services.change_notice_issue(
        actor=user("wangfang"),
        collaboration=collab,
        category="plan",
        title="宣传物料定稿推迟一周",
        what=f"宣传物料定稿日期由 {days(21):%m月%d日} 调整为 {days(28):%m月%d日}。",
        why="样机续航问题导致最终外观尺寸确认延后。",
        impact_scope="仅影响宣传物料与包装,不影响发布会日期。",
        impact_time="物料定稿推迟 5 个工作日",
        impact_departments=[dept("design"), dept("sales")],
        effective_on=days(3),
    )
    xiena = user("xiena")
    if ChangeAcknowledgement.objects.filter(notice=notice, user=xiena).exists():
        change_services.change_notice_acknowledge(
            actor=xiena, notice=notice, comment="已知悉,物料排期同步调整。"
        )
