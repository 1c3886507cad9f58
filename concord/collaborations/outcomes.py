"""The approval engine's hooks for collaboration requests.

The engine calls them inside its decision's transaction when a round
ends; they carry the outcome over to the collaboration through the one
service that owns it.
"""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from concord.approvals import hooks

from .models import Collaboration

if TYPE_CHECKING:
    from concord.approvals.models import Flow


def _finish(flow: "Flow", actor: Any, outcome: str) -> None:
    from .flows import last_feedback
    from .services import request_decide_outcome

    collab = Collaboration.objects.get(pk=flow.subject_id)
    request_decide_outcome(
        actor=actor, collaboration=collab, outcome=outcome, feedback=last_feedback(flow)
    )


def on_approved(flow: "Flow", actor: Any) -> None:
    _finish(flow, actor, "approve")


def on_returned(flow: "Flow", actor: Any) -> None:
    _finish(flow, actor, "return")


def on_rejected(flow: "Flow", actor: Any) -> None:
    _finish(flow, actor, "reject")


PURPOSE = "collaboration.request"


def register_hooks() -> None:
    hooks.register(
        PURPOSE,
        on_approved=on_approved,
        on_returned=on_returned,
        on_rejected=on_rejected,
        # Translators: 立项审批 — approval of the collaboration request
        label=_("request approval"),
    )
