"""Approvers are asked, the starter hears each decision; texts are in the reader's language."""

from django.utils import translation

from concord.approvals.services import flow_decide
from concord.notifications.kinds import render_body, render_title
from concord.notifications.models import Notification
from tests.approvals.conftest import chain_for, start
from tests.personas import Org


def _to(username: str) -> list[str]:
    return list(
        Notification.objects.filter(recipient__username=username)
        .filter(kind__startswith="approvals.")
        .order_by("id")
        .values_list("kind", flat=True)
    )


def test_each_step_asks_its_approvers_and_each_decision_tells_the_starter(org: Org) -> None:
    flow = start(org, chain_for(org, importance="important"))
    assert _to("mark") == ["approvals.requested"]
    assert _to("dora") == []
    flow = flow_decide(actor=org.mark, flow=flow, decision="approve")
    assert _to("dora") == ["approvals.requested"]
    assert _to("alice") == ["approvals.step_approved"]
    flow_decide(actor=org.dora, flow=flow, decision="return", comment="请补充预算明细")
    assert _to("alice") == ["approvals.step_approved", "approvals.returned"]


def test_the_texts_render_in_the_readers_language(org: Org) -> None:
    flow = start(org, chain_for(org))
    flow_decide(actor=org.mark, flow=flow, decision="reject", comment="不符合年度计划")
    note = Notification.objects.get(kind="approvals.rejected")
    assert note.recipient == org.alice
    assert note.params["comment"] == "不符合年度计划"
    with translation.override("en"):
        assert render_title(note.kind, note.params) == "市场部 was rejected by 马经理"
        assert render_body(note.kind, note.params) == "Feedback: 不符合年度计划"
