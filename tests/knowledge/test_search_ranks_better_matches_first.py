"""A document about the query ranks above one that mentions it in passing."""

from concord.knowledge.search import search
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put

FILLER = "研发部汇报了接口联调进度,测试环境已经准备就绪,下周开始试点门店上线。" * 6


def test_title_and_repeated_matches_rank_first(org):
    collab = established(org)
    passing = put(collab, "第五次周例会纪要", FILLER + "另外,预算稍后讨论。" + FILLER)
    about = put(collab, "年度预算调整决议", "预算增加十万元,预算由财务部执行。")
    hits = search(org.alice, "预算").hits
    assert [h.entry.pk for h in hits] == [about.pk, passing.pk]
    assert hits[0].score > hits[1].score


def test_filters_by_kind_and_collaboration(org):
    first = established(org)
    second = established(org, name="华东仓储优化")
    minutes = put(first, "预算会议纪要", "预算", kind="minutes")
    decision = put(first, "预算决议", "预算", kind="decision")
    other = put(second, "预算复盘", "预算", kind="review")
    assert [h.entry.pk for h in search(org.alice, "预算", kind="minutes").hits] == [minutes.pk]
    found = {h.entry.pk for h in search(org.alice, "预算", collaboration_id=first.pk).hits}
    assert found == {minutes.pk, decision.pk}
    assert other.pk not in found
