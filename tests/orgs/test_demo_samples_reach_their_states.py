"""`concord demo` on an empty database loads every sample collaboration in its intended state.

One run, checked sample by sample (running the demo per test would cost
seconds each).
"""

from concord.activity.models import Event
from concord.approvals.selectors import waiting_for
from concord.changes.models import ChangeNotice, NoticeState
from concord.closing.acceptance.models import Item, ItemState, VerificationState
from concord.closing.archive.models import ArchiveBundle
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of, visible_to
from concord.communication.models import CommPlan
from concord.issues.models import Issue
from concord.meetings.models import Meeting
from concord.orgs.demo_collaborations.common import user
from concord.planning.models import PlanVersion
from concord.tasks.models import Status
from tests.orgs.demo_helpers import run_demo


def _project() -> None:
    collab = Collaboration.objects.get(name="新品上市推广")
    assert collab.kind == "project"
    assert collab.state == "executing"
    assert lead_of(collab) == user("wangfang")
    assert set(collab.departments.values_list("department__code", flat=True)) == {
        "market",
        "rnd",
        "design",
        "sales",
    }
    assert collab.departments.filter(contact__isnull=True).count() == 0
    version = PlanVersion.objects.get(plan__collaboration=collab, state="effective")
    assert version.wbs.count() == 5
    assert version.milestones.count() == 3
    assert version.deliverables.count() == 3
    assert version.raci.filter(letter="A").count() == 8
    assert CommPlan.objects.filter(collaboration=collab).exists()
    statuses = set(collab.tasks.values_list("status", flat=True))
    assert statuses == {Status.DONE, Status.IN_PROGRESS, Status.BLOCKED, Status.NOT_STARTED}
    assert collab.tasks.filter(status=Status.BLOCKED).count() == 1
    meeting = Meeting.objects.get(collaboration=collab)
    assert meeting.status == "published"
    assert meeting.decisions.count() == 2
    action = meeting.action_items.get()
    assert action.task is not None
    assert action.task.owner == user("xujing")
    issue = Issue.objects.get(collaboration=collab)
    assert (issue.level, issue.status, issue.handler) == (2, "escalated", user("wangfang"))
    notices = ChangeNotice.objects.filter(collaboration=collab, state=NoticeState.ISSUED)
    assert notices.filter(title="宣传物料定稿推迟一周").exists()
    assert Event.objects.filter(scope_id=collab.pk, verb="plan.effective").exists()


def _problem() -> None:
    collab = Collaboration.objects.get(name="客户投诉响应超时")
    assert (collab.kind, collab.state) == ("problem", "executing")
    items = {i.name: i for i in Item.objects.filter(collaboration=collab)}
    assert {name: (i.state, i.rounds) for name, i in items.items()} == {
        "工单分级处理流程": (ItemState.PASSED, 2),
        "超时预警看板": (ItemState.PASSED, 1),
    }
    assert items["工单分级处理流程"].submissions.order_by("round").first().verdict == "rework"
    verification = collab.verifications.get()
    assert verification.state == VerificationState.COLLECTING
    assert not collab.tasks.exclude(status=Status.DONE).exists()


def _coordination() -> None:
    collab = Collaboration.objects.get(name="年终大促资源协调")
    assert (collab.kind, collab.state) == ("coordination", "closed")
    assert Meeting.objects.get(collaboration=collab).status == "published"
    bundle = ArchiveBundle.objects.get(collaboration=collab)
    assert bundle.final


def _pending() -> None:
    collab = Collaboration.objects.get(name="直播带货合作伙伴引入")
    assert collab.state == "in_review"
    waiting = [step.flow.subject_id for step in waiting_for(user("zhangwei"))]
    assert waiting == [collab.pk]


def test_every_sample_reaches_its_intended_state(db: None) -> None:
    output = run_demo()
    assert Collaboration.objects.count() == 4
    _project()
    _problem()
    _coordination()
    _pending()
    assert "Sample collaborations created (4)" in output


def test_every_suggested_login_has_a_collaboration_to_open(db: None) -> None:
    run_demo()
    for username in (
        "lina",
        "zhangwei",
        "wuhao",
        "zhaomin",
        "sunhao",
        "liqiang",
        "wangjianguo",
        "chenjing",
    ):
        assert visible_to(user(username)).exists(), username
