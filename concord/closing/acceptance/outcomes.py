"""The approval engine's hooks for judging a deliverable (purpose "acceptance.judge")."""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from concord.approvals import hooks

from .models import Verdict

if TYPE_CHECKING:
    from concord.approvals.models import Flow


def _hook(verdict: str) -> Any:
    def callback(flow: "Flow", actor: Any) -> None:
        from .services import conclude

        conclude(flow=flow, actor=actor, verdict=verdict)

    return callback


def register_hooks() -> None:
    from .services import PURPOSE

    hooks.register(
        PURPOSE,
        on_approved=_hook(Verdict.PASS),
        on_returned=_hook(Verdict.REWORK),
        on_rejected=_hook(Verdict.FAIL),
        # Translators: 成果验收评审
        label=_("acceptance judgement"),
    )
