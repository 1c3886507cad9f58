"""Each acceptance outcome, and the rework loop (resubmit, judged again)."""

from datetime import date

import pytest

from concord.activity.models import Event
from concord.closing.acceptance.models import Item, ItemState, Verdict
from concord.lib.errors import DomainError
from tests.closing.helpers import judge, submit


def test_pass_accepts_the_deliverable(org, acc, at):
    with at("2026-07-01 11:00"):
        sub = submit(org, acc)
        assert sub.item.state == ItemState.JUDGING
        judge(sub, acc.leo, Verdict.PASS, "符合要求")
    item = Item.objects.get(pk=sub.item_id)
    assert item.state == ItemState.PASSED
    sub.refresh_from_db()
    assert sub.verdict == Verdict.PASS
    assert sub.judged_by == acc.leo


def test_fail_needs_a_reason_and_ends_it(org, acc, at):
    with at("2026-07-01 11:00"):
        sub = submit(org, acc)
        with pytest.raises(DomainError) as err:
            judge(sub, acc.leo, Verdict.FAIL)
        assert "note" in err.value.details
        judge(sub, acc.leo, Verdict.FAIL, "预算缺失")
        item = Item.objects.get(pk=sub.item_id)
        assert item.state == ItemState.FAILED
        with pytest.raises(DomainError) as err:
            submit(org, acc)
        assert err.value.code == "conflict"


def test_rework_then_resubmit_then_pass_keeps_every_round(org, acc, at):
    with at("2026-07-01 11:00"):
        first = submit(org, acc)
        with pytest.raises(DomainError) as err:
            judge(first, acc.leo, Verdict.REWORK, "补充预算明细")
        assert "rework_due" in err.value.details
        judge(first, acc.leo, Verdict.REWORK, "补充预算明细", rework_due=date(2026, 7, 8))
    item = Item.objects.get(pk=first.item_id)
    assert item.state == ItemState.REWORK
    assert item.rework_due == date(2026, 7, 8)
    with at("2026-07-03 10:00"):
        second = submit(org, acc, note="已补充")
        assert second.round == 2
        judge(second, acc.leo, Verdict.PASS, "")
    item.refresh_from_db()
    assert item.state == ItemState.PASSED
    rounds = list(item.submissions.order_by("round").values_list("round", "verdict"))
    assert rounds == [(1, "rework"), (2, "pass")]
    verbs = list(
        Event.objects.filter(scope_id=acc.collab.pk, verb__startswith="acceptance.").values_list(
            "verb", flat=True
        )
    )
    for verb in (
        "acceptance.submitted",
        "acceptance.rework",
        "acceptance.resubmitted",
        "acceptance.pass",
    ):
        assert verb in verbs


def test_not_met_needs_a_note(org, acc, at):
    from concord.closing.acceptance.services import CheckAnswer

    with at("2026-07-01 11:00"):
        with pytest.raises(DomainError) as err:
            submit(org, acc, answers=[CheckAnswer("not_met", "")])
        assert "lines" in err.value.details
        sub = submit(org, acc, answers=[CheckAnswer("not_met", "预算待财务确认")])
    assert list(sub.lines.values_list("answer", "note")) == [("not_met", "预算待财务确认")]


def test_no_verdict_once_the_collaboration_is_no_longer_under_way(org, acc, at):
    from concord.collaborations.models import Collaboration

    with at("2026-07-01 11:00"):
        sub = submit(org, acc)
        # Set directly: the close gate itself is the archive's to test.
        Collaboration.objects.filter(pk=acc.collab.pk).update(state="closed")
        with pytest.raises(DomainError) as err:
            judge(sub, acc.leo, Verdict.PASS, "符合要求")
    assert err.value.code == "conflict"
    assert Item.objects.get(pk=sub.item_id).state == ItemState.JUDGING
