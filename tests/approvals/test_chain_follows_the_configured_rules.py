"""build_chain turns the rule rows into steps by kind, importance and budget."""

from decimal import Decimal

import pytest

from concord.approvals.models import ApprovalRule, ApprovalRuleStep, StepMode
from concord.lib.errors import DomainError
from tests.approvals.conftest import chain_for, names
from tests.personas import Org


def test_a_normal_request_goes_to_the_department_head(org: Org) -> None:
    chain = chain_for(org)
    assert names(chain) == [{"mark"}]
    assert chain[0].label == "Department head"


def test_an_important_request_adds_the_director(org: Org) -> None:
    assert names(chain_for(org, importance="important")) == [{"mark"}, {"dora"}]


def test_a_strategic_request_adds_the_vp_or_the_gm(org: Org) -> None:
    chain = chain_for(org, importance="strategic")
    assert names(chain) == [{"mark"}, {"dora"}, {"victor", "grace"}]
    assert chain[2].mode == StepMode.ANY


def test_the_feasibility_discussion_comes_when_the_pmo_switches_it_on(org: Org) -> None:
    ApprovalRule.objects.filter(steps__role="feasibility").update(is_active=True)
    chain = chain_for(org, importance="strategic")
    assert names(chain) == [{"mark"}, {"dora"}, {"victor", "pam"}, {"victor", "grace"}]
    assert chain[2].mode == StepMode.ALL


def test_a_big_budget_adds_the_gm_at_any_importance(org: Org) -> None:
    assert names(chain_for(org, budget=Decimal("500000"))) == [{"mark"}, {"grace"}]
    assert names(chain_for(org, budget=Decimal("499999.99"))) == [{"mark"}]
    assert names(chain_for(org, importance="important", budget=Decimal("800000"))) == [
        {"mark"},
        {"dora"},
        {"grace"},
    ]


def test_the_thresholds_are_rows_not_code(org: Org) -> None:
    """Lowering the budget threshold in the table changes the chain."""
    ApprovalRule.objects.filter(min_budget__isnull=False).update(min_budget=Decimal("1000"))
    assert names(chain_for(org, budget=Decimal("5000"))) == [{"mark"}, {"grace"}]


def test_a_rule_for_one_kind_applies_to_that_kind_only(org: Org) -> None:
    rule = ApprovalRule.objects.create(
        name="Problems: + PMO", purpose="collaboration.request", collaboration_kind="problem"
    )
    ApprovalRuleStep.objects.create(rule=rule, position=60, role="pmo")
    assert names(chain_for(org, kind="problem")) == [{"mark"}, {"pam"}]
    assert names(chain_for(org, kind="project")) == [{"mark"}]


def test_a_head_never_approves_their_own_request(org: Org) -> None:
    """The head of 市场部 skips to the director (the department above is headed by the GM)."""
    assert names(chain_for(org, initiator=org.mark)) == [{"dora"}]
    assert names(chain_for(org, initiator=org.mark, importance="important")) == [{"dora"}]
    assert names(chain_for(org, initiator=org.rita, department=org.rnd)) == [{"dora"}]


def test_a_senior_initiator_climbs_above_their_own_level(org: Org) -> None:
    """A director's important request needs no director; the VP's strategic one only the GM."""
    chain = chain_for(org, initiator=org.dora, department=org.market, importance="important")
    assert names(chain) == [{"mark"}]
    chain = chain_for(org, initiator=org.victor, department=org.market, importance="strategic")
    assert names(chain) == [{"mark"}, {"grace"}]
    for spec in chain_for(org, initiator=org.victor, department=org.market, importance="strategic"):
        assert org.victor not in spec.approvers


def test_the_gm_has_nobody_above_and_is_refused(org: Org) -> None:
    gmo = org.market.parent
    assert gmo is not None
    with pytest.raises(DomainError) as exc:
        chain_for(org, initiator=org.grace, department=gmo)
    assert exc.value.code == "invalid"


def test_a_step_nobody_can_fill_refuses_the_request(org: Org) -> None:
    org.dora.is_active = False
    org.dora.save(update_fields=["is_active"])
    with pytest.raises(DomainError, match=r"Director|总监"):
        chain_for(org, importance="important")


def test_no_matching_rule_refuses_the_request(org: Org) -> None:
    ApprovalRule.objects.update(is_active=False)
    with pytest.raises(DomainError):
        chain_for(org)


def test_an_unknown_importance_names_the_field(org: Org) -> None:
    with pytest.raises(DomainError) as exc:
        chain_for(org, importance="urgent")
    assert "importance" in exc.value.details
