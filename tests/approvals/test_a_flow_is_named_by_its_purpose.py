"""A flow reads as what it approves (立项审批, 计划书会签), not as its internal key."""

from django.utils import translation

from concord.approvals import hooks
from concord.approvals.models import Flow
from tests.collaborations.helpers import established
from tests.personas import Org


def test_the_request_flow_is_named_in_the_readers_language(org: Org) -> None:
    collab = established(org)
    flow = Flow.objects.filter(purpose="collaboration.request", subject_id=collab.pk).first()
    assert flow is not None
    with translation.override("zh-hans"):
        assert "立项审批" in str(flow)
    with translation.override("en"):
        assert "request approval" in str(flow)
    assert "collaboration.request" not in str(flow)


def test_a_purpose_without_a_label_shows_its_key() -> None:
    assert hooks.label_of("nobody.registered.this") == "nobody.registered.this"
