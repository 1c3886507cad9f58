"""Who approves a change notice or a resource request.

Change notices: every active `ChangeApprovalRule` whose category and
minimum budget change match adds one step for its role, in `position`
order, each role once. Resource requests: the initiating department's head
first (its review), then by amount the director and the VP, from the
thresholds in settings (`CONCORD_RESOURCE_DIRECTOR_AMOUNT`,
`CONCORD_RESOURCE_VP_AMOUNT`).

Nobody approves their own change: a step whose only approver is the actor
is left out. A step nobody can fill refuses with a DomainError.
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from concord.approvals.chains import StepSpec
from concord.approvals.models import StepMode
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import sponsor_of
from concord.lib.errors import DomainError
from concord.orgs.models import Level, Person
from concord.orgs.selectors import department_chain_up

from .models import ApproverRole, ChangeApprovalRule

User = Any

# Stored as English sources and translated when shown (see approvals' `approval_label`).
LABELS = {
    ApproverRole.INITIATING_HEAD: gettext_noop("Initiating department head"),
    ApproverRole.DIRECTOR: gettext_noop("Director"),
    ApproverRole.VP: gettext_noop("Vice president"),
    ApproverRole.GM: gettext_noop("General manager"),
    ApproverRole.SPONSOR: gettext_noop("Sponsor"),
}
_LEVELS = {
    ApproverRole.DIRECTOR: Level.DIRECTOR,
    ApproverRole.VP: Level.VP,
    ApproverRole.GM: Level.GM,
}


def matching_rules(category: str, budget_delta: Decimal | None) -> list[ChangeApprovalRule]:
    rules = ChangeApprovalRule.objects.filter(is_active=True).order_by("position", "id")
    return [
        rule
        for rule in rules
        if (not rule.category or rule.category == category)
        and (
            rule.min_budget_delta is None
            or (budget_delta is not None and budget_delta >= rule.min_budget_delta)
        )
    ]


def _nearest_of_level(collab: Collaboration, level: str) -> User | None:
    people = list(
        Person.objects.filter(level=level, user__is_active=True)
        .select_related("user")
        .order_by("name", "pk")
    )
    for dept in department_chain_up(collab.department):
        here = [p.user for p in people if p.department_id == dept.pk]
        if here:
            return here[0]
    return people[0].user if people else None


def approver_for(role: str, collab: Collaboration) -> User | None:
    if role == ApproverRole.INITIATING_HEAD:
        head = collab.department.head
        return head if head is not None and head.is_active else None
    if role == ApproverRole.SPONSOR:
        return sponsor_of(collab)
    return _nearest_of_level(collab, _LEVELS[ApproverRole(role)])


def _step(role: str, collab: Collaboration, actor: User) -> StepSpec | None:
    user = approver_for(role, collab)
    if user is None:
        raise DomainError(
            _("Nobody can approve the step “%(step)s”; ask the PMO.")
            % {"step": _(LABELS[ApproverRole(role)])},
            code="invalid",
        )
    if user.pk == actor.pk:
        return None
    return StepSpec(LABELS[ApproverRole(role)], StepMode.ANY, (user,))


def notice_chain(
    *, collab: Collaboration, actor: User, category: str, budget_delta: Decimal | None
) -> list[StepSpec]:
    """Return the steps that approve this change notice; empty when none is needed."""
    steps: list[StepSpec] = []
    seen: set[str] = set()
    for rule in matching_rules(category, budget_delta):
        if rule.approver_role in seen:
            continue
        seen.add(rule.approver_role)
        spec = _step(rule.approver_role, collab, actor)
        if spec is not None and not (steps and steps[-1].approvers == spec.approvers):
            steps.append(spec)
    return steps


def resource_chain(*, collab: Collaboration, actor: User, amount: Decimal | None) -> list[StepSpec]:
    """Return the resource request's steps: the initiating head, then by amount."""
    roles = [ApproverRole.INITIATING_HEAD]
    if amount is not None and amount >= Decimal(settings.CONCORD_RESOURCE_DIRECTOR_AMOUNT):
        roles.append(ApproverRole.DIRECTOR)
    if amount is not None and amount >= Decimal(settings.CONCORD_RESOURCE_VP_AMOUNT):
        roles.append(ApproverRole.VP)
    steps: list[StepSpec] = []
    for role in roles:
        spec = _step(role, collab, actor)
        if spec is not None and not (steps and steps[-1].approvers == spec.approvers):
            steps.append(spec)
    if not steps:
        # The requester is every approver (say a director heading the
        # initiating department): the next one up decides instead.
        from concord.orgs.selectors import superior_of

        superior = superior_of(actor)
        if superior is None:
            raise DomainError(_("Nobody above you can approve this request; ask the PMO."))
        steps.append(StepSpec(gettext_noop("Superior"), StepMode.ANY, (superior,)))
    return steps
