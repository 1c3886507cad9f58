"""The approval engine's outcomes, applied to change notices and resource requests."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from concord.approvals import hooks
from concord.approvals.models import Flow, StepDecision

from . import services
from .models import ChangeNotice, ResourceRequest, ResourceState


def _feedback(flow: Flow) -> str:
    last = StepDecision.objects.filter(step__flow=flow).order_by("-decided_at", "-id").first()
    return last.comment if last is not None else ""


def _notice(flow: Flow) -> ChangeNotice | None:
    return ChangeNotice.objects.select_related("collaboration").filter(pk=flow.subject_id).first()


def _resource(flow: Flow) -> ResourceRequest | None:
    return (
        ResourceRequest.objects.select_related("collaboration").filter(pk=flow.subject_id).first()
    )


def notice_approved(flow: Flow, actor: Any) -> None:
    notice = _notice(flow)
    if notice is not None:
        services.notice_approved(notice, actor)


def notice_sent_back(flow: Flow, actor: Any) -> None:
    notice = _notice(flow)
    if notice is not None:
        services.notice_sent_back(notice, actor, _feedback(flow))


def _resource_outcome(state: str) -> Any:
    def apply(flow: Flow, actor: Any) -> None:
        req = _resource(flow)
        if req is not None:
            services.resource_decided(req, actor, state, _feedback(flow))

    return apply


def register_hooks() -> None:
    hooks.register(
        services.NOTICE_PURPOSE,
        on_approved=notice_approved,
        on_returned=notice_sent_back,
        on_rejected=notice_sent_back,
        # Translators: 变更审批
        label=_("change approval"),
    )
    hooks.register(
        services.RESOURCE_PURPOSE,
        on_approved=_resource_outcome(ResourceState.APPROVED),
        on_returned=_resource_outcome(ResourceState.RETURNED),
        on_rejected=_resource_outcome(ResourceState.REJECTED),
        # Translators: 资源申请审批
        label=_("resource request approval"),
    )
