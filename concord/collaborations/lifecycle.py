"""The lifecycle of a collaboration, declared in one table.

Each action names the states it may start from, the state it leads to
(None: the state stays) and the roles that may trigger it. Services ask
`check(state, action)` before they change anything and `may(action, roles)`
for the actor; later phases (planning, executing, accepting, closed) add
states and rows here, not code elsewhere.

Roles are computed by `access.roles_of`: "initiator", "pmo", "head" (the
head of a department taking part, or their deputy today), "team" (anyone on
the team) and "system" (the approval engine's hooks, which act for the
approver whose decision they carry out).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from concord.lib.errors import DomainError


class State(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    # Submitting starts the approval chain at once, so "submitted" and "in
    # review" are one state here; the chain's progress tells how far it is.
    IN_REVIEW = "in_review", gettext_lazy("Submitted, in review")
    RETURNED = "returned", gettext_lazy("Returned for revision")
    # Translators: 已立项 — the request is approved and the collaboration established.
    APPROVED = "approved", gettext_lazy("Established")
    # Translators: 执行中 — the first plan version is signed and in effect.
    EXECUTING = "executing", gettext_lazy("Executing")
    REJECTED = "rejected", gettext_lazy("Rejected")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")
    TERMINATED = "terminated", gettext_lazy("Terminated")
    # Translators: 已结项 — accepted, archived and closed.
    CLOSED = "closed", pgettext_lazy("collaboration state", "Closed")


#: States in which the collaboration itself is under way (its team exists).
ACTIVE = frozenset({State.APPROVED, State.EXECUTING})
#: States nothing leads out of.
FINAL = frozenset({State.REJECTED, State.WITHDRAWN, State.TERMINATED, State.CLOSED})


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None
    roles: frozenset[str]


def _t(sources: set[str], target: str | None, roles: set[str]) -> Transition:
    return Transition(frozenset(sources), target, frozenset(roles))


TRANSITIONS: dict[str, Transition] = {
    "update": _t({State.DRAFT, State.RETURNED}, None, {"initiator"}),
    "submit": _t({State.DRAFT, State.RETURNED}, State.IN_REVIEW, {"initiator"}),
    # Before the final decision; from "returned" it is the guide's 终止需求.
    "withdraw": _t({State.IN_REVIEW, State.RETURNED}, State.WITHDRAWN, {"initiator"}),
    "approve": _t({State.IN_REVIEW}, State.APPROVED, {"system"}),
    "return": _t({State.IN_REVIEW}, State.RETURNED, {"system"}),
    "reject": _t({State.IN_REVIEW}, State.REJECTED, {"system"}),
    "terminate": _t(set(ACTIVE), State.TERMINATED, {"initiator", "pmo"}),
    "nominate": _t(set(ACTIVE), None, {"head", "pmo"}),
    # Team: the table says when and roughly who; access.can_manage_team (the
    # initiator, the lead, the PMO) and access.may_manage_member (also heads,
    # for their own department's members) decide exactly.
    "team_set_lead": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "team_set_sponsor": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "department_add": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "department_set_lead": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "member_add": _t(set(ACTIVE), None, {"initiator", "team", "head", "pmo"}),
    "member_remove": _t(set(ACTIVE), None, {"initiator", "team", "head", "pmo"}),
    # Communication plan: communication.access decides exactly who.
    "comm_edit": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "comm_confirm": _t(set(ACTIVE), None, {"team", "head", "pmo"}),
    # Planning: who may edit is `access.can_manage_plan`; the table says when.
    "plan_edit": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "plan_submit": _t(set(ACTIVE), None, {"initiator", "team", "pmo"}),
    "plan_effective": _t(set(ACTIVE), State.EXECUTING, {"system"}),
    # Closing (结项): only from execution; the archive gate (required
    # documents present or waived) is checked by archive.services.
    "close": _t({State.EXECUTING}, State.CLOSED, {"initiator", "team", "pmo"}),
    "attach": _t(
        {State.DRAFT, State.RETURNED, State.IN_REVIEW, *ACTIVE}, None, {"initiator", "team", "pmo"}
    ),
}


def allowed(state: str, action: str) -> bool:
    return state in TRANSITIONS[action].sources


def check(state: str, action: str) -> str | None:
    """Return the state `action` leads to from `state`, or raise a conflict."""
    transition = TRANSITIONS[action]
    if state not in transition.sources:
        raise DomainError(
            _("This cannot be done while the collaboration is “%(state)s”.")
            % {"state": State(state).label},
            code="conflict",
        )
    return transition.target


def may(action: str, roles: set[str] | frozenset[str]) -> bool:
    return bool(TRANSITIONS[action].roles & roles)


def actions_from(state: str) -> list[str]:
    return [name for name, t in TRANSITIONS.items() if state in t.sources]
