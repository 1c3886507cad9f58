"""The approval engine's hooks for plan sign-off (purpose "planning.signoff").

The flow's subject is the collaboration, so that every signature shows on
its timeline; the version concerned is the plan's one version in sign-off.
"""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from concord.approvals import hooks
from concord.approvals.models import Decision, StepDecision

if TYPE_CHECKING:
    from concord.approvals.models import Flow

PURPOSE = "planning.signoff"


def _collab(flow: "Flow") -> Any:
    from concord.collaborations.models import Collaboration

    return Collaboration.objects.get(pk=flow.subject_id)


def declined_reasons(flow: "Flow") -> str:
    """Return the comments of the round's declines, each with who gave it."""
    rows = (
        StepDecision.objects.filter(step__flow=flow)
        .exclude(decision=Decision.APPROVE)
        .select_related("decided_by__person")
        .order_by("decided_at", "id")
    )
    lines = []
    for row in rows:
        person = getattr(row.decided_by, "person", None)
        name = person.name if person is not None else row.decided_by.get_username()
        lines.append(f"{name}: {row.comment}")
    return "\n".join(lines)


def on_approved(flow: "Flow", actor: Any) -> None:
    from .services import plan_make_effective

    plan_make_effective(actor=actor, collaboration=_collab(flow))


def on_declined(flow: "Flow", actor: Any) -> None:
    from .services import plan_decline

    plan_decline(actor=actor, collaboration=_collab(flow), reasons=declined_reasons(flow))


def register_hooks() -> None:
    hooks.register(
        PURPOSE,
        on_approved=on_approved,
        on_returned=on_declined,
        on_rejected=on_declined,
        # Translators: 计划书会签 — every participating head signs the plan
        label=_("plan sign-off"),
    )
