"""The group decides by all-must-agree (会签) or by the lead's word, through the approval engine."""

import pytest

from concord.closing.acceptance.models import Item, ItemState, Verdict
from concord.lib.errors import DomainError
from tests.closing.helpers import accepting, judge, submit


def test_all_must_agree_passes_only_when_every_member_passes(org, at):
    with at("2026-07-01 10:00"):
        p = accepting(org, mode="all", members=("rita", "dora"))
        sub = submit(org, p)
        judge(sub, p.leo, Verdict.PASS)
        assert Item.objects.get(pk=sub.item_id).state == ItemState.JUDGING
        judge(sub, org.rita, Verdict.PASS)
        assert Item.objects.get(pk=sub.item_id).state == ItemState.JUDGING
        judge(sub, org.dora, Verdict.PASS)
    assert Item.objects.get(pk=sub.item_id).state == ItemState.PASSED


def test_one_member_asking_for_rework_returns_it(org, at):
    from datetime import date

    with at("2026-07-01 10:00"):
        p = accepting(org, mode="all")
        sub = submit(org, p)
        judge(sub, p.leo, Verdict.PASS)
        judge(sub, org.rita, Verdict.REWORK, "接口文档缺失", rework_due=date(2026, 7, 6))
    item = Item.objects.get(pk=sub.item_id)
    assert item.state == ItemState.REWORK
    sub.refresh_from_db()
    assert "接口文档缺失" in sub.verdict_note


def test_in_lead_mode_a_member_cannot_decide(org, acc, at):
    with at("2026-07-01 11:00"):
        sub = submit(org, acc)
        with pytest.raises(DomainError) as err:
            judge(sub, org.rita, Verdict.PASS)
        assert err.value.code == "forbidden"
        with pytest.raises(DomainError):
            judge(sub, org.oscar, Verdict.PASS)
    assert Item.objects.get(pk=sub.item_id).state == ItemState.JUDGING
