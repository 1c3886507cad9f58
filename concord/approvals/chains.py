"""Turn the configured rules into the ordered steps of one request's approval.

Rules (`ApprovalRule`) are additive: every active rule of the purpose whose
kind, minimum importance and minimum budget match contributes its steps;
the steps are ordered by their `position` and each role appears once. The
default rows (migration 0002) give: normal → department head; important →
+ director; strategic → + feasibility discussion (会商, VP and PMO, 会签) +
VP or GM (或签); any importance with a budget of 500,000 or more → + GM.

Who fills a role, for an initiator in a department:

- dept_head: the department's head. If the initiator is that head (or the
  department has none), the nearest head further up the tree, provided it
  is a department-head-level person; otherwise the step skips to the
  director (an R&D head's request goes to their director, not the GM just
  because the GM heads the top department).
- director / vp / gm: the people of that level in the nearest department up
  the tree that has any, else the first active one in the organization.
  A role at or below the initiator's own level is skipped: a director's
  request climbs above them and never waits on a peer.
- vp_or_gm: the VP found as above and the GM, so either may decide (或签).
- pmo: every active PMO person. feasibility: the VP and the PMO.

The initiator is never their own approver. Two consecutive steps with the
same people are merged (a head whose request skips to the director does
not meet the director twice). A required step nobody can fill refuses the
request with a DomainError; if every step was skipped by level, the
initiator's superior approves alone (a VP's normal request goes to the GM).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from concord.lib.errors import DomainError
from concord.orgs.models import Department, Level, Person
from concord.orgs.selectors import department_chain_up, superior_of

from .models import ApprovalRule, ApprovalRuleStep, Importance, Role, StepMode

User = Any

_ROLE_LEVEL = {
    Role.DIRECTOR: Level.DIRECTOR,
    Role.VP: Level.VP,
    Role.GM: Level.GM,
}

# Step labels are stored as English sources and translated when shown (see
# the `approval_label` template filter), so each reader sees their language.
SUPERIOR_LABEL = gettext_noop("Superior")
ROLE_LABELS = {
    Role.DEPT_HEAD: gettext_noop("Department head"),
    Role.DIRECTOR: gettext_noop("Director"),
    Role.VP: gettext_noop("Vice president"),
    Role.GM: gettext_noop("General manager"),
    Role.VP_OR_GM: gettext_noop("Vice president or general manager"),
    Role.PMO: gettext_noop("PMO"),
    # Translators: 会商 — the VP and the PMO discuss whether the request is feasible.
    Role.FEASIBILITY: gettext_noop("Feasibility discussion"),
}


@dataclass(frozen=True)
class StepSpec:
    label: str
    mode: str
    approvers: tuple[User, ...]
    remind_after_working_days: int = 1
    escalate_after_working_days: int = 2


def matching_rules(
    *, purpose: str, kind: str, importance: str, budget: Decimal | None
) -> list[ApprovalRule]:
    """Return the active rules of `purpose` that apply, by priority."""
    if importance not in Importance.values:
        raise DomainError(
            _("Choose normal, important or strategic."), code="invalid", field="importance"
        )
    rank = Importance.rank(importance)
    rules = ApprovalRule.objects.filter(purpose=purpose, is_active=True).prefetch_related("steps")
    return [
        rule
        for rule in rules
        if (not rule.collaboration_kind or rule.collaboration_kind == kind)
        and Importance.rank(rule.min_importance) <= rank
        and (rule.min_budget is None or (budget is not None and budget >= rule.min_budget))
    ]


def build_chain(
    *,
    purpose: str,
    initiator: User,
    department: Department,
    kind: str,
    importance: str,
    budget: Decimal | None,
) -> list[StepSpec]:
    """Return the ordered steps that approve this request, or raise DomainError."""
    rules = matching_rules(purpose=purpose, kind=kind, importance=importance, budget=budget)
    if not rules:
        raise DomainError(_("No approval rule applies to this request; ask the PMO."))
    remind = rules[0].remind_after_working_days
    escalate = rules[0].escalate_after_working_days
    people = _People(initiator, department)
    chain: list[StepSpec] = []
    for rule_step in _ordered_steps(rules):
        resolved = _resolve(rule_step, people)
        if resolved is None:
            continue  # skipped: below the initiator's level
        label, approvers = resolved
        if not approvers:
            raise DomainError(
                _("Nobody can approve the step “%(step)s”; ask the PMO.") % {"step": _(label)},
                code="invalid",
            )
        if chain and {u.pk for u in chain[-1].approvers} == {u.pk for u in approvers}:
            continue
        chain.append(StepSpec(label, rule_step.mode, tuple(approvers), remind, escalate))
    if not chain:
        superior = superior_of(initiator)
        if superior is None:
            raise DomainError(_("Nobody above you can approve this request; ask the PMO."))
        chain.append(StepSpec(SUPERIOR_LABEL, StepMode.ANY, (superior,), remind, escalate))
    return chain


def _ordered_steps(rules: list[ApprovalRule]) -> list[ApprovalRuleStep]:
    steps = sorted(
        (step for rule in rules for step in rule.steps.all()), key=lambda s: (s.position, s.pk)
    )
    seen: set[str] = set()
    unique = []
    for step in steps:
        if step.role not in seen:
            seen.add(step.role)
            unique.append(step)
    return unique


def _resolve(step: ApprovalRuleStep, people: "_People") -> tuple[str, list[User]] | None:
    label = step.label or ROLE_LABELS[Role(step.role)]
    role = step.role
    if role == Role.DEPT_HEAD:
        head = people.dept_head()
        if head is not None:
            return label, [head]
        role = Role.DIRECTOR
        label = step.label or ROLE_LABELS[Role(role)]
    if role in _ROLE_LEVEL:
        level = _ROLE_LEVEL[Role(role)]
        if not people.below(level):
            return None
        return label, people.nearest(level)
    if role == Role.VP_OR_GM:
        levels = [lv for lv in (Level.VP, Level.GM) if people.below(lv)]
        if not levels:
            return None
        return label, _unique(u for lv in levels for u in people.nearest(lv))
    if role == Role.PMO:
        return label, people.pmo()
    if role == Role.FEASIBILITY:
        return label, _unique([*people.nearest(Level.VP), *people.pmo()])
    raise DomainError(_("Unknown approval role “%(role)s”.") % {"role": role})


def _unique(users: Iterable[User]) -> list[User]:
    seen: set[int] = set()
    result = []
    for user in users:
        if user.pk not in seen:
            seen.add(user.pk)
            result.append(user)
    return result


class _People:
    """The organization as seen from one initiator, loaded in a few queries."""

    def __init__(self, initiator: User, department: Department) -> None:
        self.initiator = initiator
        self.tree = department_chain_up(department)
        person = Person.objects.filter(user=initiator).only("level").first()
        self.level = person.level if person is not None else Level.STAFF
        self._by_level: dict[str, list[Person]] | None = None

    def below(self, level: str) -> bool:
        return Level.rank(self.level) < Level.rank(level)

    def _eligible(self, user: User | None) -> bool:
        return user is not None and user.is_active and user.pk != self.initiator.pk

    def dept_head(self) -> User | None:
        own, *above = self.tree
        if self._eligible(own.head):
            return own.head
        heads = Person.objects.filter(
            user__in=[d.head_id for d in above if d.head_id], level=Level.DEPARTMENT_HEAD
        ).values_list("user_id", flat=True)
        head_ids = set(heads)
        for dept in above:
            if dept.head_id in head_ids and self._eligible(dept.head):
                return dept.head
        return None

    def _people(self) -> dict[str, list[Person]]:
        if self._by_level is None:
            rows = (
                Person.objects.filter(user__is_active=True)
                .exclude(user=self.initiator)
                .exclude(level=Level.STAFF, is_pmo=False)
                .select_related("user")
                .order_by("name", "pk")
            )
            self._by_level = {}
            for person in rows:
                self._by_level.setdefault(person.level, []).append(person)
                if person.is_pmo:
                    self._by_level.setdefault("pmo", []).append(person)
        return self._by_level

    def nearest(self, level: str) -> list[User]:
        candidates = self._people().get(level, [])
        for dept in self.tree:
            here = [p.user for p in candidates if p.department_id == dept.pk]
            if here:
                return here
        return [candidates[0].user] if candidates else []

    def pmo(self) -> list[User]:
        return [p.user for p in self._people().get("pmo", [])]
